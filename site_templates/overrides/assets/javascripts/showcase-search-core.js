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
   * Splits like generator.search.folded_words, so the folded words are the keys
   * of the common-word lists.
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
   * A matcher for the words of a common-word plan: whole words, a last partial
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
   * Accepts tokens() or a common-word plan's terms ({term, exact, prefix}).
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

  // A last query word that is not a common word itself but begins some ("sáng ki" while
  // typing "sáng kiến") stands for the most frequent of them.
  var PREFIX_EXPANSION = 3;

  function isQuoted(query) {
    return /^\s*".+"\s*$/.test(query);
  }

  /**
   * The common-word data of showcase-common-words.json (generator.search) in the
   * form the planner reads: {pages, words: Set, shards: Map word→pages, byCount, pairs: Map}.
   */
  function commonData(d) {
    var shards = (d && d.shards) || {};
    var counts = shards.words || {};
    var pairs = shards.pairs || {};
    var byCount = Object.keys(counts).sort(function (a, b) {
      return counts[b] - counts[a] || (a < b ? -1 : a > b ? 1 : 0);
    });
    return {
      pages: (d && d.pages) || 0,
      words: new Set((d && d.words) || []),
      dir: shards.dir || "showcase-common",
      bundles: (d && d.bundles) || [],
      shards: new Map(
        byCount.map(function (w) {
          return [w, counts[w]];
        })
      ),
      byCount: byCount,
      pairs: new Map(
        Object.keys(pairs).map(function (k) {
          return [k, pairs[k]];
        })
      )
    };
  }

  /**
   * The query's words as common words [{term, exact, prefix, expand}], or null
   * when one is not. The last word may be the beginning of common words ("sáng
   * ki"): it then stands for the most frequent of them (`expand`).
   */
  function commonTerms(toks, c, quoted) {
    if (!toks.length || !c.shards.size) return null;
    var terms = [];
    for (var i = 0; i < toks.length; i++) {
      var t = toks[i];
      if (c.shards.has(t.folded)) {
        terms.push({ term: t.folded, exact: t.exact, prefix: false, expand: [t.folded] });
        continue;
      }
      if (i === toks.length - 1 && !quoted) {
        var words = c.byCount
          .filter(function (w) {
            return w.indexOf(t.folded) === 0;
          })
          .slice(0, PREFIX_EXPANSION);
        if (words.length) {
          terms.push({ term: t.folded, exact: t.exact, prefix: true, expand: words });
          continue;
        }
      }
      return null;
    }
    return terms;
  }

  /**
   * The lists a page must be in, as groups of alternatives [{lists: [key...]}]:
   * side-by-side words with a list of their own (CommonGrams: "sang kien") use
   * it, so that pages with the phrase come first; other words their own list.
   */
  function commonGroups(terms, c) {
    var groups = [];
    var covered = terms.map(function () {
      return false;
    });
    for (var i = 0; i + 1 < terms.length; i++) {
      if (terms[i].prefix || terms[i + 1].prefix) continue;
      var key = terms[i].term + " " + terms[i + 1].term;
      if (c.pairs.has(key)) {
        groups.push({ lists: [key] });
        covered[i] = covered[i + 1] = true;
      }
    }
    terms.forEach(function (t, k) {
      if (!covered[k]) groups.push({ lists: t.expand.slice() });
    });
    return groups;
  }

  /**
   * How to answer `query`, given the common-word data `c` (commonData):
   *   {query, source: "common", terms: [{term, exact, prefix}], groups: [{lists}]}
   *     every word is a common word (the last may begin some); answer from the lists;
   *   {query, source: "pagefind", pagefindQuery, dropped}
   *     Pagefind, without runs of two or more very common words when other words
   *     remain (`dropped`). `force` keeps the query whole and skips the lists.
   */
  function makePlan(query, force, c) {
    // Pagefind ranks an NFD query ("đổi mới" typed as d + U+0302 …) differently.
    query = String(query || "")
      .normalize("NFC")
      .trim();
    var toks = tokens(query);
    var plan = { query: query, source: "pagefind", pagefindQuery: query, dropped: [], terms: null, groups: null };
    if (!query || force || !c) return plan;

    var common = commonTerms(toks, c, isQuoted(query));
    if (common) {
      plan.source = "common";
      plan.terms = common;
      plan.groups = commonGroups(common, c);
      return plan;
    }

    if (isQuoted(query)) return plan;
    var terms = query.split(/\s+/);
    var isCommon = terms.map(function (term) {
      var f = foldedTerms(term).join(" ");
      return !!f && c.words.has(f);
    });
    // Vietnamese words are syllables: drop only runs of two or more common
    // syllables ("sáng kiến"), never one syllable of a word ("mới" of "đổi mới").
    var kept = [];
    var dropped = [];
    for (var j = 0; j < terms.length; ) {
      var k = j;
      while (k < terms.length && isCommon[k]) k++;
      if (k - j >= 2) {
        dropped = dropped.concat(terms.slice(j, k));
        j = k;
      } else if (k > j) {
        kept = kept.concat(terms.slice(j, k));
        j = k;
      } else {
        kept.push(terms[j]);
        j++;
      }
    }
    var meaningful = kept.some(function (term) {
      return foldedTerms(term).join("").length >= 2;
    });
    if (dropped.length && meaningful) {
      plan.pagefindQuery = kept.join(" ");
      plan.dropped = dropped;
    }
    return plan;
  }

  /** The keys of the lists a common-word plan needs, in first-use order. */
  function planListKeys(p) {
    var keys = [];
    p.groups.forEach(function (g) {
      g.lists.forEach(function (k) {
        if (keys.indexOf(k) < 0) keys.push(k);
      });
    });
    return keys;
  }

  /** File of a word's or pair's list (generator.search.shard_file_name). */
  function listFileName(key) {
    return encodeURIComponent(key.replace(/ /g, "_")) + ".json";
  }

  /**
   * The ranked entries of a common-word plan `p`, from its lists (`byKey`:
   * list key → the list's JSON). Certain matches first: pages in every group's
   * lists, and pages whose title has every query word; among them exact
   * diacritics, then the title tier, then the lists' common order (kind,
   * recency). Then, to fill a first page of `pageSize`, pages in some lists.
   * Returns {entries, total, complete}.
   */
  function rankCommonEntries(p, byKey, pageSize) {
    var pages = 0;
    var complete = true;
    var byUrl = new Map();
    var totals = p.groups.map(function (g) {
      var seen = new Set();
      var total = 0;
      g.lists.forEach(function (k) {
        var shard = byKey[k] || { entries: [], total: 0 };
        var entries = shard.entries || [];
        pages = Math.max(pages, shard.pages || 0);
        total += shard.total || 0;
        if (entries.length < (shard.total || 0)) complete = false;
        entries.forEach(function (entry) {
          if (seen.has(entry.url)) return;
          seen.add(entry.url);
          var rec = byUrl.get(entry.url);
          if (!rec) {
            rec = { entry: entry, hits: 0 };
            byUrl.set(entry.url, rec);
          }
          rec.hits++;
        });
      });
      return total;
    });
    var n = p.groups.length;
    var rule = exactRule(p.terms);
    var recs = [];
    byUrl.forEach(function (rec) {
      rec.tier = titleTier(rec.entry.title, p.terms);
      rec.sure = rec.hits === n || rec.tier <= 2 ? 0 : 1;
      rec.exact = !rule || rule(rec.entry.title + " \n " + (rec.entry.excerpt || "")) ? 0 : 1;
      recs.push(rec);
    });
    recs.sort(function (a, b) {
      return (
        a.sure - b.sure ||
        a.exact - b.exact ||
        a.tier - b.tier ||
        b.hits - a.hits ||
        (a.entry.rank || 0) - (b.entry.rank || 0) ||
        (a.entry.url < b.entry.url ? -1 : a.entry.url > b.entry.url ? 1 : 0)
      );
    });
    var sure = recs.filter(function (r) {
      return r.sure === 0;
    });
    var chosen = sure;
    if (!complete && sure.length < pageSize) chosen = recs.slice(0, pageSize);
    var total = totals.length ? Math.min.apply(null, totals) : 0;
    return {
      entries: chosen.map(function (r) {
        return r.entry;
      }),
      total: complete ? sure.length : Math.max(Math.min(total, pages || total), sure.length),
      complete: complete
    };
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
    commonData: commonData,
    commonTerms: commonTerms,
    commonGroups: commonGroups,
    makePlan: makePlan,
    planListKeys: planListKeys,
    listFileName: listFileName,
    rankCommonEntries: rankCommonEntries,
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
