/*
 * Showcase search, the pure part: folding, words, query planning, ranking, the
 * address's search state and the filter index's lists. No DOM, no network: the
 * same file runs as a plain <script> in the browser (window.ShowcaseSearchCore,
 * loaded before showcase-search.js and showcase-facets.js) and in Node, where
 * tests/js/*.test.js require it.
 *
 * Python twins (keep in step; tests/js/fold-cases.json is read by both test suites):
 * fold ↔ generator.vietnamese.fold (lower-cased), tokens ↔ generator.search.folded_words,
 * decodeIds ↔ generator.search_filters.encode_ids.
 */
(function (root, factory) {
  "use strict";
  var core = factory();
  if (typeof module === "object" && module.exports) module.exports = core;
  else root.ShowcaseSearchCore = core;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  /* ------------------------------------------------------------ words */

  /** Lower-case and strip Vietnamese diacritics, "đ" (and the look-alike "Ð") included. */
  function fold(text) {
    return String(text || "")
      .replace(/[đĐÐ]/g, "d")
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .normalize("NFC")
      .toLowerCase();
  }

  var WORD_SPLIT = /[^\p{L}\p{N}\p{M}]+/u;

  /**
   * Words of `text`: [{exact, folded}], exact being the NFC lower-case word.
   * Splits like generator.search_words.word_tokens, so the folded words are the
   * keys of the word index.
   */
  function tokens(text) {
    var out = [];
    String(text || "")
      .normalize("NFC")
      .split(WORD_SPLIT)
      .forEach(function (w) {
        // Folded before lower-casing: "Ð" (eth, for Đ in legacy text) folds to "d", "ð" does not.
        var f = fold(w).replace(/[^a-z0-9]+/g, "");
        if (f) out.push({ exact: w.toLowerCase(), folded: f });
      });
    return out;
  }

  /** Query terms as Pagefind sees them, folded. */
  function foldedTerms(query) {
    return tokens(query).map(function (t) {
      return t.folded;
    });
  }

  /** True when a word was typed with diacritics (or đ): it then matches only itself. */
  function marked(t) {
    return t.exact !== t.folded;
  }

  /** A matcher for folded words: every term as a prefix (Pagefind's rule). */
  function prefixMatcher(query) {
    var terms = foldedTerms(query);
    return function (folded) {
      return terms.some(function (t) {
        return folded.indexOf(t) === 0;
      });
    };
  }

  /**
   * A matcher for the words of a plan (makePlan): whole words, a last partial
   * word as a prefix; a word typed with diacritics only with the same ones
   * ("Đà Nẵng" marks "Đà", not "đã").
   */
  function planMatcher(plan) {
    return function (folded, exact) {
      return plan.terms.some(function (t) {
        if (t.exact === t.term) return t.prefix ? folded.indexOf(t.term) === 0 : folded === t.term;
        return t.prefix ? exact.indexOf(t.exact) === 0 : exact === t.exact;
      });
    };
  }

  /* ------------------------------------------------------------ ranking */

  /**
   * Query terms as the ranking rules use them: [{exact, folded, prefix, marked}].
   * Accepts tokens() or a plan's terms ({term, exact, prefix}).
   */
  function rankTerms(terms) {
    return (terms || []).map(function (t) {
      var folded = t.folded !== undefined ? t.folded : t.term;
      return { exact: t.exact, folded: folded, prefix: !!t.prefix, marked: t.exact !== folded };
    });
  }

  /** Does word `w` ({exact, folded}) match term `t`, `strict` about diacritics? */
  function wordMatches(w, t, strict) {
    var have = strict && t.marked ? w.exact : w.folded;
    var want = strict && t.marked ? t.exact : t.folded;
    return t.prefix ? have.indexOf(want) === 0 : have === want;
  }

  /**
   * The rule "exact-diacritic matches first" for a query: a function of a text
   * that says whether the text holds every query word, a word typed with
   * diacritics (or đ) only with the same ones ("Nẵng" is not in "điện năng"),
   * a word typed without them in any form ("nang" is in both). Whole words
   * (Vietnamese words are syllables between spaces and punctuation), NFC, case
   * folded; a term with `prefix` may begin a word. Null when no word has
   * diacritics: every match is then as good.
   */
  function exactRule(terms) {
    terms = rankTerms(terms);
    if (!terms.some(marked)) return null;
    return function (text) {
      var words = tokens(text);
      return terms.every(function (t) {
        return words.some(function (w) {
          return wordMatches(w, t, true);
        });
      });
    };
  }

  /**
   * How well a title matches the query, lower is better:
   * 0 the query's words side by side, each typed with diacritics matching with
   *   the same ones ("Thanh Hóa" for "thanh hoa" or "Thanh Hóa");
   * 1 side by side once folded ("Thanh Hoá" spelt otherwise for "Thanh Hóa");
   * 2 all of them in the title, anywhere (diacritics as in 0);
   * 2 + k with k of them missing.
   */
  function titleTier(title, terms) {
    terms = rankTerms(terms);
    if (!terms.length) return 0;
    var words = tokens(title);
    var best = 2;
    for (var i = 0; i + terms.length <= words.length && best > 0; i++) {
      var phrase = true;
      var same = true;
      for (var k = 0; k < terms.length; k++) {
        if (!wordMatches(words[i + k], terms[k], false)) {
          phrase = false;
          break;
        }
        if (!wordMatches(words[i + k], terms[k], true)) same = false;
      }
      if (phrase) best = Math.min(best, same ? 0 : 1);
    }
    if (best < 2) return best;
    var missing = 0;
    terms.forEach(function (t) {
      if (
        !words.some(function (w) {
          return wordMatches(w, t, true);
        })
      )
        missing++;
    });
    return 2 + missing;
  }

  /**
   * The ranking key of a result for a query (compare arrays element by element,
   * lower first): [exact-diacritic match (0) or not (1), title tier]. So for
   * "Nẵng" the pages with "Nẵng" come before those with only "năng"; for
   * "thanh hoa" a title with "Thanh Hóa" before a title with "Hoằng Hóa". The
   * text judged for exactness is the title and the content (or excerpt).
   */
  function rankKeyFunction(query) {
    var terms = tokens(query);
    if (terms.length) terms[terms.length - 1].prefix = !/\s$/.test(query);
    var rule = exactRule(terms);
    return function (title, text) {
      var exact = !rule || rule(title + " \n " + (text || "")) ? 0 : 1;
      return [exact, titleTier(title, terms)];
    };
  }

  function compareKeys(a, b) {
    for (var i = 0; i < Math.max(a.length, b.length); i++) {
      var d = (a[i] || 0) - (b[i] || 0);
      if (d) return d;
    }
    return 0;
  }

  /** Indexes 0…keys.length-1 ordered by key, stable. */
  function stableOrder(keys) {
    return keys
      .map(function (k, i) {
        return i;
      })
      .sort(function (a, b) {
        return compareKeys(keys[a], keys[b]) || a - b;
      });
  }

  /* ------------------------------------------------------ query planning */

  // A last word still being typed ("sáng ki") stands for the most frequent words it begins.
  var PREFIX_EXPANSION = 5;
  var MIN_PREFIX = 2;

  function isQuoted(query) {
    return /^\s*".+"\s*$/.test(query);
  }

  /**
   * How to answer `query`: {query, source, terms}. A quoted phrase goes to
   * Pagefind (source "pagefind", which knows word positions); anything else to
   * the word index (source "words"), with `terms` [{exact, folded, marked,
   * prefix}]: the last word is a prefix while the query does not end with a space.
   */
  function makePlan(query) {
    var raw = String(query || "").normalize("NFC");
    var trimmed = raw.trim();
    var plan = { query: trimmed, source: "words", pagefindQuery: trimmed, terms: [], dropped: [] };
    if (isQuoted(trimmed)) {
      plan.source = "pagefind";
      return plan;
    }
    var toks = tokens(trimmed);
    var open = !/\s$/.test(raw);
    plan.terms = toks.map(function (t, i) {
      return {
        exact: t.exact,
        folded: t.folded,
        term: t.folded,
        marked: t.exact !== t.folded,
        // one letter is too little to stand for its words ("d" is only "d")
        prefix: open && i === toks.length - 1 && t.folded.length >= MIN_PREFIX
      };
    });
    return plan;
  }

  /** The vocabulary file of a folded word (generator.search_words.vocab_prefix). */
  function vocabPrefix(word, letters) {
    return word.slice(0, letters || 2);
  }

  /**
   * The words of the index a term stands for, from its vocabulary file's entries
   * ([[word, documents, forms, pairs], ...], most frequent first): the word
   * itself, or for a prefix term the word and the most frequent words it begins.
   * Returns [{word, n, forms, pairs}] (`pairs`: pair/<w>.json exists).
   */
  function termWords(term, entries) {
    var out = [];
    (entries || []).forEach(function (e) {
      var match = term.prefix ? e[0].indexOf(term.folded) === 0 : e[0] === term.folded;
      if (!match) return;
      var w = { word: e[0], n: e[1], forms: e[2], pairs: e[3] === 1 };
      if (e[0] === term.folded) out.unshift(w);
      else if (out.length < PREFIX_EXPANSION + 1) out.push(w);
    });
    return out.slice(0, PREFIX_EXPANSION + (out.length && out[0].word === term.folded ? 1 : 0));
  }

  /** Does a written form match a term typed with diacritics? */
  function formMatches(form, term) {
    return term.prefix ? form.indexOf(term.exact) === 0 : form === term.exact;
  }

  // Field weights of the word index, as in Pagefind's bundle (generator.search).
  var WEIGHTS = { t: 10, m: 3, x: 1 };
  var SCORE_SPAN = 1 << 20; // scores in thousandths, up to 1,048
  var ORDINAL_SPAN = 1 << 20; // up to 1,048,576 documents

  /**
   * Rank the documents of a word query. `terms`: makePlan's terms, each with
   * `words` [{word, n, forms, file, formFile, pairFile}]: `file` is the word's
   * word/<w>.json, `formFile` its form/<w>.json (needed only for a term typed with
   * diacritics whose word has several forms), `pairFile` its pair/<w>.json
   * (needed for every term but the last of a query of several words). `count`:
   * documents.
   *
   * A document must have every term (a prefix term: any of its words) in some
   * field. Order, as a person expects:
   * 1. documents holding every term typed with diacritics in that form ("Nẵng",
   *    not "năng");
   * 2. the title has the query as a phrase (folded words side by side), then
   *    every query word, then fewer of them ("thanh hoa": "… Thanh Hóa" before
   *    "… Hoằng Hóa"); a phrase with the typed diacritics counts as exact;
   * 3. score: the sum over terms of idf × field weight (title 10, names 3, text 1;
   *    idf = ln(1 + count / documents with the term));
   * 4. ordinal (newest first).
   *
   * Returns {ordinals: [...], exact: Set of exact ordinals or null, total}.
   */
  function searchWords(terms, count) {
    if (!terms.length) return { ordinals: [], exact: null, total: 0 };
    var prepared = terms.map(function (term) {
      var sets = { t: emptySet(count), m: emptySet(count), x: emptySet(count) };
      var exact = term.marked ? emptySet(count) : null;
      (term.words || []).forEach(function (w) {
        var file = w.file || {};
        var own = emptySet(count);
        ["t", "m", "x"].forEach(function (f) {
          if (!file[f]) return;
          var ids = decodeIds(file[f], count);
          sets[f] = orSets(sets[f], ids);
          own = orSets(own, ids);
        });
        if (!exact) return;
        if (typeof w.forms === "string") {
          // the word is always written one way: all its documents, or none
          if (formMatches(w.forms, term)) exact = orSets(exact, own);
        } else if (w.formFile) {
          Object.keys(w.formFile).forEach(function (form) {
            if (formMatches(form, term)) exact = orSets(exact, decodeIds(w.formFile[form], count));
          });
        }
      });
      var any = orSets(orSets(sets.t, sets.m), sets.x);
      var n = countSet(any);
      return { sets: sets, any: any, exact: exact, idf: Math.log(1 + count / Math.max(1, n)) };
    });
    // Titles with term i followed by term i + 1, for each i.
    var phrases = [];
    for (var i = 0; i + 1 < terms.length; i++) {
      var pair = emptySet(count);
      (terms[i].words || []).forEach(function (w) {
        var following = w.pairFile || {};
        (terms[i + 1].words || []).forEach(function (next) {
          if (following[next.word]) pair = orSets(pair, decodeIds(following[next.word], count));
        });
      });
      phrases.push(pair);
    }
    var candidates = prepared[0].any;
    var exactAll = null;
    prepared.forEach(function (p, k) {
      if (k) candidates = andSets(candidates, p.any);
      if (p.exact) exactAll = exactAll ? andSets(exactAll, p.exact) : p.exact;
    });
    // One number per document, sorted natively: [exact (1 bit), tier (5 bits), inverted
    // score (20 bits, thousandths), ordinal (ORDINAL_BITS)]: 46 bits, exact in a double.
    var total = countSet(candidates);
    var keys = new Float64Array(total);
    var exactSet = exactAll ? new Set() : null;
    var n = 0;
    for (var word = 0; word < candidates.length; word++) {
      var bits = candidates[word];
      while (bits) {
        var low = bits & -bits;
        var o = word * 32 + (31 - Math.clz32(low));
        bits ^= low;
        var score = 0;
        var missing = 0;
        for (var k = 0; k < prepared.length; k++) {
          var p = prepared[k];
          var inTitle = hasOrdinal(p.sets.t, o);
          if (!inTitle) missing++;
          var weight = inTitle ? WEIGHTS.t : hasOrdinal(p.sets.m, o) ? WEIGHTS.m : WEIGHTS.x;
          score += p.idf * weight;
        }
        var tier = 2 + missing;
        if (!missing && terms.length > 1) {
          var phrase = true;
          for (var j = 0; j < phrases.length && phrase; j++) phrase = hasOrdinal(phrases[j], o);
          if (phrase) tier = 0;
        }
        var isExact = exactAll ? hasOrdinal(exactAll, o) : true;
        if (isExact && exactSet) exactSet.add(o);
        var inverted = SCORE_SPAN - 1 - Math.min(SCORE_SPAN - 1, Math.round(score * 1000));
        keys[n++] =
          (((isExact ? 0 : 1) * 32 + Math.min(tier, 31)) * SCORE_SPAN + inverted) * ORDINAL_SPAN + o;
      }
    }
    keys.sort();
    var ordinals = new Array(total);
    for (var i2 = 0; i2 < total; i2++) ordinals[i2] = keys[i2] % ORDINAL_SPAN;
    return { ordinals: ordinals, exact: exactSet, total: total };
  }

  /** The ordinals of a ranked list as a bitset (to combine with filters). */
  function setOf(ordinals, count) {
    var set = emptySet(count);
    ordinals.forEach(function (o) {
      set[o >>> 5] |= 1 << (o & 31);
    });
    return set;
  }

  /* --------------------------------------------------- state in the address */

  /**
   * The search page's state from a query string ("?q=…&year=2022&sort=date-desc"):
   * {q, filters: {key: [values]}, sort}. Only facet `keys` are read as filters.
   */
  function readState(search, keys) {
    var params = new URLSearchParams(search || "");
    var filters = {};
    keys.forEach(function (k) {
      var values = params.getAll(k).filter(function (v) {
        return v !== "";
      });
      if (values.length) filters[k] = values;
    });
    return { q: params.get("q") || "", filters: filters, sort: params.get("sort") || "" };
  }

  /**
   * The query string for `state`, keeping parameters that are not the search's
   * own (e.g. "utm_source"); "" when nothing is left.
   */
  function writeState(state, keys, search) {
    var params = new URLSearchParams(search || "");
    ["q", "sort"].concat(keys).forEach(function (k) {
      params.delete(k);
    });
    if (state.q) params.set("q", state.q);
    keys.forEach(function (k) {
      (state.filters[k] || []).forEach(function (v) {
        params.append(k, v);
      });
    });
    if (state.sort) params.set("sort", state.sort);
    var qs = params.toString();
    return qs ? "?" + qs : "";
  }

  /** Pagefind's filter object: any of the values within a facet, all facets. */
  function pagefindFilters(filters, except) {
    var out = {};
    Object.keys(filters).forEach(function (k) {
      if (k !== except && filters[k] && filters[k].length) out[k] = { any: filters[k].slice() };
    });
    return out;
  }

  /** "date-desc" → {date: "desc"}; "" → null. */
  function sortOption(sort) {
    if (!sort) return null;
    var i = sort.lastIndexOf("-");
    var o = {};
    o[sort.slice(0, i)] = sort.slice(i + 1);
    return o;
  }

  /* ----------------------------------------------------- the filter index */

  /*
   * Sets of documents are bitsets over ordinals (generator.search_filters): a
   * Uint32Array of ceil(count / 32) words. At 50,000 documents one is 6.25 KB.
   */

  function emptySet(count) {
    return new Uint32Array((count + 31) >>> 5);
  }

  function fullSet(count) {
    var set = emptySet(count);
    for (var i = 0; i < set.length; i++) set[i] = 0xffffffff;
    var extra = set.length * 32 - count;
    if (extra) set[set.length - 1] = 0xffffffff >>> extra;
    return set;
  }

  function base64Bytes(text) {
    if (typeof atob === "function") {
      var bin = atob(text);
      var out = new Uint8Array(bin.length);
      for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
      return out;
    }
    return new Uint8Array(Buffer.from(text, "base64")); // Node
  }

  /** A value's `ids` ({d: [...]} or {b: "base64"}) as a bitset of `count` documents. */
  function decodeIds(ids, count) {
    var set = emptySet(count);
    if (ids && typeof ids.b === "string") {
      var bytes = base64Bytes(ids.b);
      for (var i = 0; i < bytes.length; i++) {
        if (bytes[i]) set[i >>> 2] |= bytes[i] << ((i & 3) * 8);
      }
      return set;
    }
    var prev = -1;
    ((ids && ids.d) || []).forEach(function (t) {
      if (t >= 0) {
        prev += 1 + t;
        set[prev >>> 5] |= 1 << (prev & 31);
      } else {
        for (var r = 0; r < -t; r++) {
          prev++;
          set[prev >>> 5] |= 1 << (prev & 31);
        }
      }
    });
    return set;
  }

  function andSets(a, b) {
    var out = new Uint32Array(a.length);
    for (var i = 0; i < a.length; i++) out[i] = a[i] & b[i];
    return out;
  }

  function orSets(a, b) {
    var out = new Uint32Array(a.length);
    for (var i = 0; i < a.length; i++) out[i] = a[i] | b[i];
    return out;
  }

  function popcount32(x) {
    x -= (x >>> 1) & 0x55555555;
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }

  function countSet(set) {
    var n = 0;
    for (var i = 0; i < set.length; i++) if (set[i]) n += popcount32(set[i]);
    return n;
  }

  function hasOrdinal(set, o) {
    return ((set[o >>> 5] >>> (o & 31)) & 1) === 1;
  }

  /**
   * Up to `limit` ordinals of `set`, skipping the first `skip`, in the order of
   * `sort`: "asc" is oldest first (dated ordinals 0…dated-1 backwards), anything
   * else newest first; undated ordinals (dated…) come last either way.
   */
  function pickOrdinals(set, count, dated, sort, skip, limit) {
    var out = [];
    var seen = 0;
    function visit(o) {
      if (!hasOrdinal(set, o)) return true;
      if (seen++ < skip) return true;
      out.push(o);
      return out.length < limit;
    }
    var o;
    if (sort === "asc") {
      for (o = dated - 1; o >= 0; o--) if (!visit(o)) return out;
      for (o = dated; o < count; o++) if (!visit(o)) return out;
    } else {
      for (o = 0; o < count; o++) if (!visit(o)) return out;
    }
    return out;
  }

  /**
   * The documents matching `selected` ({key: [value numbers]}): any of the values
   * within a facet, all facets; facet `except` left out. `lists` maps
   * "key/number" → {set}. Null when no facet (but `except`) is selected, i.e. all
   * documents; undefined when a list is missing.
   */
  function matchSet(selected, lists, except) {
    var result = null;
    var keys = Object.keys(selected);
    for (var i = 0; i < keys.length; i++) {
      var key = keys[i];
      var values = selected[key] || [];
      if (key === except || !values.length) continue;
      var union = null;
      for (var j = 0; j < values.length; j++) {
        var list = lists[key + "/" + values[j]];
        if (!list) return undefined;
        union = union ? orSets(union, list.set) : list.set;
      }
      result = result ? andSets(result, union) : union;
    }
    return result;
  }

  /** A value list's `co` for one facet as a Map value number → count (cached). */
  function coMap(list, key) {
    list.coMaps = list.coMaps || {};
    if (!list.coMaps[key]) {
      var m = new Map();
      ((list.co && list.co[key]) || []).forEach(function (pair) {
        m.set(pair[0], pair[1]);
      });
      list.coMaps[key] = m;
    }
    return list.coMaps[key];
  }

  /**
   * Counts of facet `key`'s values `numbers` (value numbers) with the other facets
   * as selected: how many results choosing each value would give.
   * `index` is showcase-filters/index.json; `totals[key][number]` the values'
   * totals. Returns {counts: Map number → count, bounds: Map number → upper bound,
   * missing: [numbers whose exact count needs their own list]}.
   *
   * - No other facet selected: the totals.
   * - One other facet (a record has one value in it): sums of the chosen values'
   *   co-occurrence counts, exact with no more download.
   * - More: the intersection with the value's own list if it is loaded; else an
   *   upper bound (the smallest of the co-occurrence sums) and the value is
   *   listed as missing (0 when the bound is 0: exact).
   */
  function facetCounts(index, key, numbers, selected, lists, totals) {
    var counts = new Map();
    var bounds = new Map();
    var missing = [];
    var others = Object.keys(selected).filter(function (k) {
      return k !== key && selected[k] && selected[k].length;
    });
    var oneExact =
      others.length === 1 && !(index.facets[others[0]] && index.facets[others[0]].multi);
    var rest = others.length > 1 ? matchSet(selected, lists, key) : null;
    numbers.forEach(function (v) {
      if (!others.length) {
        counts.set(v, (totals[key] && totals[key][v]) || 0);
        return;
      }
      var bound = Infinity;
      var complete = true;
      others.forEach(function (k) {
        var sum = 0;
        selected[k].forEach(function (a) {
          var list = lists[k + "/" + a];
          if (!list) complete = false;
          else sum += coMap(list, key).get(v) || 0;
        });
        bound = Math.min(bound, sum);
      });
      if (!complete) {
        missing.push(v);
        return;
      }
      if (oneExact) {
        counts.set(v, bound);
        return;
      }
      var own = lists[key + "/" + v];
      if (bound === 0) counts.set(v, 0);
      else if (own && rest) counts.set(v, countSet(andSets(rest, own.set)));
      else {
        bounds.set(v, bound);
        missing.push(v);
      }
    });
    return { counts: counts, bounds: bounds, missing: missing };
  }

  /* ------------------------------------------------------------- formatting */

  var collator = typeof Intl !== "undefined" && Intl.Collator ? new Intl.Collator("vi") : null;

  function compareText(a, b) {
    return collator ? collator.compare(a, b) : a < b ? -1 : a > b ? 1 : 0;
  }

  function formatNumber(n) {
    try {
      return n.toLocaleString("vi-VN");
    } catch (e) {
      return String(n);
    }
  }

  return {
    fold: fold,
    tokens: tokens,
    foldedTerms: foldedTerms,
    prefixMatcher: prefixMatcher,
    planMatcher: planMatcher,
    exactRule: exactRule,
    titleTier: titleTier,
    rankKeyFunction: rankKeyFunction,
    compareKeys: compareKeys,
    stableOrder: stableOrder,
    isQuoted: isQuoted,
    makePlan: makePlan,
    vocabPrefix: vocabPrefix,
    termWords: termWords,
    searchWords: searchWords,
    setOf: setOf,
    readState: readState,
    writeState: writeState,
    pagefindFilters: pagefindFilters,
    sortOption: sortOption,
    emptySet: emptySet,
    fullSet: fullSet,
    decodeIds: decodeIds,
    andSets: andSets,
    orSets: orSets,
    countSet: countSet,
    hasOrdinal: hasOrdinal,
    pickOrdinals: pickOrdinals,
    matchSet: matchSet,
    facetCounts: facetCounts,
    compareText: compareText,
    formatNumber: formatNumber,
    PREFIX_EXPANSION: PREFIX_EXPANSION
  };
});
