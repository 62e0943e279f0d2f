/*
 * Showcase search: Pagefind behind Material's header search box (design §4).
 *
 * Material draws its header search only while its own `search` plugin is on;
 * partials/header.html draws the same markup (same classes, same `__search`
 * toggle, so Material's CSS gives it the light and dark look) and this script
 * drives it with the Pagefind JS API (`pagefind/pagefind.js`).
 *
 * - The bundle is found from the header's `data-sk-root` (the page's relative
 *   `base_url`), resolved once against the address of the first page loaded, so
 *   it works under a sub-path `site_url` and after Material's instant navigation
 *   (the header is kept across navigations; only the content is swapped).
 * - "/", "s" or "f" opens the search, Esc closes it, ArrowUp/ArrowDown move
 *   between the query and the results, Enter opens the first (or focused) result.
 * - Pagefind folds tone marks but not "đ"; record pages carry the folded words
 *   as a metadata field (partials/pagefind-page.html), and excerpts get extra
 *   <mark>s here for words that match only once folded ("doi" → "Đổi").
 * - A query with diacritics (or đ) lists first the results that hold every
 *   query word with the same diacritics ("Nẵng" before "năng"): rankedResults
 *   stable-partitions Pagefind's top 30, and the common-word lists sort the
 *   same way (commonEntries).
 * - Common words ("sáng kiến" on a site of initiatives) take Pagefind seconds
 *   to rank on a large site. generator/search.py writes, for each word on a
 *   large share of the pages, a precomputed list of the pages such a query
 *   should show first (pagefind/showcase-common/<word>.json). A query made only
 *   of such words is answered from those lists (`source: "common"`); Pagefind
 *   runs only when the reader asks for more than they hold. The header box
 *   fetches Pagefind lazily on such sites: on the first keystroke of a query
 *   that needs it, or in idle time after a common-word answer is shown
 *   (warmUp, idleWarmUp); never before that answer.
 *   See docs_dev/search-performance.md.
 *
 * Exposes `window.ShowcaseSearch` (load, plan, run, fold, markExcerpt,
 * renderResult, ...) for showcase-facets.js, and `window.showcaseSearch.search(q)`
 * for benchmarks and tests: the same code path as the UI, without the DOM.
 */
(function () {
  "use strict";

  var PAGE_SIZE = 10;
  var DEBOUNCE_MS = 180;
  // After a common-word answer is rendered, wait this long (then for an idle
  // moment) before fetching Pagefind in the background (idleWarmUp).
  var IDLE_WARM_MS = 1000;
  // A last query word that is not a common word itself but begins some ("sáng ki"
  // while typing "sáng kiến") stands for the most frequent of them.
  var PREFIX_EXPANSION = 3;

  var T = {
    idle: "Nhập từ khóa để tìm kiếm",
    loading: "Đang tìm…",
    loadingMore: "Đang tải thêm…",
    none: "Không tìm thấy kết quả",
    error: "Không tải được chỉ mục tìm kiếm. Vui lòng thử lại.",
    more: "Xem thêm kết quả",
    all: "Mở trang Tra cứu với bộ lọc",
    dropped: function (words) {
      return "Bỏ qua từ phổ biến: " + words.join(" ");
    },
    keep: "Tìm cả những từ này",
    results: function (n) {
      return formatNumber(n) + " kết quả";
    },
    about: function (n) {
      return "Khoảng " + formatNumber(n) + " kết quả";
    }
  };

  /* ------------------------------------------------------------------ helpers */

  function formatNumber(n) {
    try {
      return n.toLocaleString("vi-VN");
    } catch (e) {
      return String(n);
    }
  }

  function now() {
    return window.performance && performance.now ? performance.now() : Date.now();
  }

  /** Lower-case and strip Vietnamese diacritics, "đ" included. */
  function fold(text) {
    return String(text || "")
      .replace(/[đĐÐ]/g, "d")
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
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
      .toLowerCase()
      .split(WORD_SPLIT)
      .forEach(function (w) {
        var f = fold(w).replace(/[^\p{L}\p{N}]+/gu, "");
        if (f) out.push({ exact: w, folded: f });
      });
    return out;
  }

  /** Query terms as Pagefind sees them, folded. */
  function foldedTerms(query) {
    return tokens(query).map(function (t) {
      return t.folded;
    });
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

  /* ------------------------------------------------- exact diacritics first */

  // How many of Pagefind's top results are re-ranked for a query with diacritics.
  var RERANK_TOP = 30;

  /**
   * The rule "exact-diacritic matches first" for a query: a function of a text
   * that says whether the text holds every query word, a word typed with
   * diacritics (or đ) only with the same ones ("Nẵng" is not in "điện năng"),
   * a word typed without them in any form ("nang" is in both). Whole words
   * (Vietnamese words are syllables between spaces and punctuation), NFC, case
   * folded; a term with `prefix` may begin a word. `terms` are the query's
   * tokens() or a common-word plan's terms. Null when no word has diacritics:
   * every match is then as good, and Pagefind's order stays.
   */
  function exactRule(terms) {
    terms = (terms || []).map(function (t) {
      var folded = t.folded !== undefined ? t.folded : t.term;
      return { exact: t.exact, folded: folded, prefix: !!t.prefix, marked: t.exact !== folded };
    });
    if (
      !terms.some(function (t) {
        return t.marked;
      })
    )
      return null;
    return function (text) {
      var words = tokens(text);
      return terms.every(function (t) {
        return words.some(function (w) {
          var have = t.marked ? w.exact : w.folded;
          var want = t.marked ? t.exact : t.folded;
          return t.prefix ? have.indexOf(want) === 0 : have === want;
        });
      });
    };
  }

  /** The text a result is judged on: its title, then its content (or excerpt). */
  function resultText(data) {
    var meta = (data && data.meta) || {};
    return [meta.title || "", data && (data.content || htmlToText(data.excerpt))].join(" \n ");
  }

  /**
   * Pagefind's `results` in the order to show them, read page by page:
   * {next(n) → Promise<result data>, hasMore(), loaded()}. For a query with
   * diacritics (`query`, as sent to Pagefind), the first RERANK_TOP results are
   * stable-partitioned: those that hold every query word with its diacritics
   * (exactRule) first, in Pagefind's order, then the others; results past
   * RERANK_TOP follow in Pagefind's order. Fragments are loaded in parallel and
   * only as far as the page asked for needs: if the first n results all match
   * exactly, they are the first n either way; otherwise the rest of the top
   * RERANK_TOP are loaded (once, asked for as soon as one of the first n
   * misses) to partition them.
   */
  function rankedResults(results, query) {
    results = results || [];
    var rule = exactRule(tokens(query));
    var top = Math.min(RERANK_TOP, results.length);
    var cache = new Array(results.length);
    var order = results.map(function (r, i) {
      return i;
    });
    var settled = !rule || top < 2;
    var cursor = 0;
    var fetched = 0;

    function data(i) {
      if (!cache[i]) {
        fetched++;
        cache[i] = Promise.resolve(results[i].data()).catch(function (err) {
          cache[i] = null;
          throw err;
        });
      }
      return cache[i];
    }

    function range(from, to) {
      var out = [];
      for (var i = from; i < to; i++) out.push(data(i));
      return Promise.all(out);
    }

    /** Make the first `count` places of `order` final. */
    function ensure(count) {
      if (settled) return Promise.resolve();
      var head = Math.min(count, top);
      var checks = [];
      for (var i = 0; i < head; i++) {
        checks.push(
          data(i).then(function (d) {
            var ok = rule(resultText(d));
            // One miss is enough to know the rest of the top is needed: ask now,
            // not once the whole head has arrived.
            if (!ok) range(0, top).catch(function () {});
            return ok;
          })
        );
      }
      return Promise.all(checks).then(function (oks) {
        if (settled) return;
        if (head < top && oks.indexOf(false) < 0) return;
        return range(0, top).then(function (all) {
          if (settled) return;
          var exact = [];
          var rest = [];
          all.forEach(function (d, i) {
            (rule(resultText(d)) ? exact : rest).push(i);
          });
          order = exact.concat(rest, order.slice(top));
          settled = true;
        });
      });
    }

    return {
      hasMore: function () {
        return cursor < results.length;
      },
      next: function (n) {
        n = n || PAGE_SIZE;
        var from = cursor;
        var to = Math.min(results.length, from + n);
        cursor = to;
        return ensure(to).then(function () {
          var out = [];
          for (var i = from; i < to; i++) out.push(data(order[i]));
          return Promise.all(out);
        });
      },
      /** How many fragments have been asked for (for measuring). */
      loaded: function () {
        return fetched;
      }
    };
  }

  var MARK_WORD = /[\p{L}\p{N}\p{M}]+/gu;

  /**
   * `text` as a DocumentFragment, with <mark> around the words `matcher` accepts
   * (called with the word folded, and in NFC lower case).
   */
  function markText(text, matcher) {
    var frag = document.createDocumentFragment();
    text = String(text || "");
    var last = 0;
    text.replace(MARK_WORD, function (w, offset) {
      if (matcher(fold(w), w.normalize("NFC").toLowerCase())) {
        if (offset > last) frag.appendChild(document.createTextNode(text.slice(last, offset)));
        var mark = document.createElement("mark");
        mark.textContent = w;
        frag.appendChild(mark);
        last = offset + w.length;
      }
      return w;
    });
    if (last < text.length) frag.appendChild(document.createTextNode(text.slice(last)));
    return frag;
  }

  /**
   * Add <mark> around words of a Pagefind excerpt that match a query term once
   * both are folded. Pagefind's excerpt is HTML with entities already encoded;
   * it is parsed into an inert <template>, only text nodes are split, and only
   * <mark> elements are added. `matcher` defaults to the query's terms as prefixes.
   */
  function markExcerpt(excerptHtml, query, matcher) {
    var tpl = document.createElement("template");
    tpl.innerHTML = excerptHtml || "";
    if (!foldedTerms(query).length) return tpl.innerHTML;
    matcher = matcher || prefixMatcher(query);
    var walker = document.createTreeWalker(tpl.content, NodeFilter.SHOW_TEXT);
    var nodes = [];
    for (var n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.parentElement || n.parentElement.closest("mark") === null) nodes.push(n);
    }
    nodes.forEach(function (node) {
      var frag = markText(node.nodeValue, matcher);
      if (frag.querySelector && frag.querySelector("mark")) node.parentNode.replaceChild(frag, node);
    });
    return tpl.innerHTML;
  }

  function htmlToText(html) {
    var tpl = document.createElement("template");
    tpl.innerHTML = html || "";
    return tpl.content.textContent || "";
  }

  /* ------------------------------------------------------------- site & bundle */

  var header = document.querySelector("[data-sk-search]");

  function computeRoot() {
    var rel = header && header.getAttribute("data-sk-root");
    if (rel) return new URL(rel, location.href);
    var site = header && header.getAttribute("data-sk-site-url");
    if (site) {
      var path = new URL(site, location.href).pathname;
      return new URL(path.replace(/\/?$/, "/"), location.href);
    }
    return new URL("/", location.href);
  }

  // Resolved once: see the comment at the top.
  var siteRoot = computeRoot();
  var bundleRoot = new URL("pagefind/", siteRoot);
  var pagefindPromise = null;

  function load() {
    if (pagefindPromise) return pagefindPromise;
    pagefindPromise = import(new URL("pagefind.js", bundleRoot).href)
      .then(function (pf) {
        return Promise.resolve(
          pf.options({
            baseUrl: siteRoot.pathname,
            excerptLength: 26,
            ranking: {
              // Exact diacritics ("bàn" for "bàn", not "bán") count for more than
              // Pagefind's default 0.8 boost.
              diacriticSimilarity: 1.5,
              // Folded words only make a match possible; kind/year are on every
              // record and say nothing about relevance.
              metaWeights: { title: 5.0, folded: 0.5, kind: 0.0, year: 0.0 }
            }
          })
        ).then(function () {
          return Promise.resolve(pf.init()).then(function () {
            return pf;
          });
        });
      })
      .catch(function (err) {
        pagefindPromise = null;
        throw err;
      });
    return pagefindPromise;
  }

  /* --------------------------------------------------------- common words */

  /*
   * pagefind/showcase-common-words.json (generator/search.py):
   *   words:  folded words on >= 80% of the pages; a query that has other words is
   *           sent to Pagefind without runs of two or more of them.
   *   shards: words that have a precomputed result list (word -> pages having it).
   */
  var commonPromise = null;
  var common = null; // the resolved value, for synchronous checks while typing

  function loadCommon() {
    if (!commonPromise) {
      commonPromise = fetch(new URL("showcase-common-words.json", bundleRoot).href)
        .then(function (r) {
          return r.ok ? r.json() : null;
        })
        .catch(function () {
          return null;
        })
        .then(function (d) {
          var shards = (d && d.shards) || {};
          var counts = shards.words || {};
          var pairs = shards.pairs || {};
          var byCount = Object.keys(counts).sort(function (a, b) {
            return counts[b] - counts[a] || (a < b ? -1 : a > b ? 1 : 0);
          });
          common = {
            pages: (d && d.pages) || 0,
            words: new Set((d && d.words) || []),
            dir: new URL((shards.dir || "showcase-common") + "/", bundleRoot),
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
          return common;
        });
    }
    return commonPromise;
  }

  var shardCache = new Map();

  function loadShard(word) {
    if (!shardCache.has(word)) {
      var p = loadCommon()
        .then(function (c) {
          // generator.search.shard_file_name: "sang" → sang.json, "sang kien" → sang_kien.json
          return fetch(new URL(encodeURIComponent(word.replace(/ /g, "_")) + ".json", c.dir).href);
        })
        .then(function (r) {
          if (!r.ok) throw new Error("HTTP " + r.status);
          return r.json();
        })
        .catch(function (err) {
          shardCache.delete(word);
          throw err;
        });
      shardCache.set(word, p);
    }
    return shardCache.get(word);
  }

  function isQuoted(query) {
    return /^\s*".+"\s*$/.test(query);
  }

  /**
   * The query's words as common words [{term, exact, prefix}], or null when one
   * is not. The last word may be the beginning of common words ("sáng ki"): it
   * then stands for the most frequent of them (`expand`).
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
   * How to answer `query`, given the common-word data `c`:
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

  function plan(query, force) {
    return loadCommon().then(function (c) {
      return makePlan(query, force, c);
    });
  }

  /** Backwards-compatible: {query, dropped} of the Pagefind query. */
  function prepare(query, force) {
    return plan(query, force).then(function (p) {
      return { query: p.pagefindQuery, dropped: p.dropped, source: p.source };
    });
  }

  /**
   * How well a title matches a common-word plan, lower is better:
   * 0 the query's words side by side with the same diacritics, 1 side by side
   * once folded, 2 all of them in the title, 2 + k with k of them missing. A
   * query word typed with diacritics counts as in the title only with the same
   * diacritics ("sáng" is not in "sàng lọc"), as Pagefind ranks exact ones first.
   */
  function titleTier(title, p) {
    var words = tokens(title);
    var terms = p.terms;
    function folded(word, k) {
      var t = terms[k];
      return t.prefix ? word.folded.indexOf(t.term) === 0 : word.folded === t.term;
    }
    function exact(word, k) {
      var t = terms[k];
      return t.prefix ? word.exact.indexOf(t.exact) === 0 : word.exact === t.exact;
    }
    function strict(word, k) {
      return terms[k].exact === terms[k].term ? folded(word, k) : exact(word, k);
    }
    var best = 2;
    for (var i = 0; i + terms.length <= words.length && best > 0; i++) {
      var phrase = true;
      var same = true;
      for (var k = 0; k < terms.length; k++) {
        var w = words[i + k];
        if (!folded(w, k)) {
          phrase = false;
          break;
        }
        if (!exact(w, k)) same = false;
      }
      if (phrase) best = Math.min(best, same ? 0 : 1);
    }
    if (best < 2) return best;
    var missing = 0;
    terms.forEach(function (t, k) {
      if (
        !words.some(function (w) {
          return strict(w, k);
        })
      )
        missing++;
    });
    return 2 + missing;
  }

  /**
   * The ranked entries for a common-word plan, from the lists of its groups.
   * Certain matches first: pages in every group's lists, and pages whose title
   * has every query word (the title is part of the page); among them the title
   * phrase, then title words, then the lists' common order (kind of record,
   * recency). Then, to fill a first page, pages in some of the lists.
   * Resolves to {entries, total, complete}.
   */
  function commonEntries(p) {
    var keys = [];
    p.groups.forEach(function (g) {
      g.lists.forEach(function (k) {
        if (keys.indexOf(k) < 0) keys.push(k);
      });
    });
    return Promise.all(keys.map(loadShard)).then(function (shards) {
      var byKey = {};
      keys.forEach(function (k, i) {
        byKey[k] = shards[i] || { entries: [], total: 0 };
      });
      var pages = 0;
      var complete = true;
      var byUrl = new Map();
      var totals = p.groups.map(function (g) {
        var seen = new Set();
        var total = 0;
        g.lists.forEach(function (k) {
          var shard = byKey[k];
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
        rec.tier = titleTier(rec.entry.title, p);
        rec.sure = rec.hits === n || rec.tier <= 2 ? 0 : 1;
        // The Pagefind path's rule (rankedResults), on what the list holds.
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
      if (!complete && sure.length < PAGE_SIZE) chosen = recs.slice(0, PAGE_SIZE);
      var total = Math.min.apply(null, totals);
      return {
        entries: chosen.map(function (r) {
          return r.entry;
        }),
        total: complete ? sure.length : Math.max(Math.min(total, pages || total), sure.length),
        complete: complete
      };
    });
  }

  /* -------------------------------------------------------------------- runs */

  /** A result as the UI shows it, from a common-word list entry. */
  function fromEntry(entry) {
    return {
      url: siteRoot.pathname + String(entry.url || "").replace(/^\/+/, ""),
      title: entry.title || entry.url,
      meta: entry.meta || {},
      excerpt: entry.excerpt || "",
      excerptHtml: null
    };
  }

  /** A result as the UI shows it, from Pagefind's result data. */
  function fromPagefind(data) {
    var meta = data.meta || {};
    return {
      url: data.url,
      title: meta.title || data.url,
      meta: { kind: meta.kind, unit: meta.unit, year: meta.year },
      excerpt: htmlToText(data.excerpt),
      excerptHtml: data.excerpt || ""
    };
  }

  function pagefindRun(query, p) {
    return load()
      .then(function (pf) {
        return pf.search(p.pagefindQuery);
      })
      .then(function (search) {
        var results = (search && search.results) || [];
        var ranked = rankedResults(results, p.pagefindQuery);
        return {
          query: query,
          plan: p,
          source: "pagefind",
          total: results.length,
          approximate: false,
          search: search,
          ranked: ranked,
          hasMore: ranked.hasMore,
          next: function (n) {
            return ranked.next(n || PAGE_SIZE).then(function (datas) {
              return datas.map(fromPagefind);
            });
          },
          pagefind: function () {
            return Promise.resolve(search);
          },
          onExact: null
        };
      });
  }

  function commonRun(query, p) {
    return commonEntries(p).then(function (res) {
      if (res.entries.length < PAGE_SIZE && !res.complete) return null;
      var entries = res.entries;
      var cursor = 0;
      var shown = new Set();
      var pfSearch = null; // Promise of Pagefind's search, once asked for more
      var pfResults = null;
      var pfCursor = 0;
      var self = {
        query: query,
        plan: p,
        source: "common",
        total: res.total,
        approximate: !res.complete,
        hasMore: function () {
          if (cursor < entries.length) return true;
          if (res.complete) return false;
          if (pfResults) return pfCursor < pfResults.length;
          return shown.size < self.total;
        },
        /** Pagefind's search for the whole query, started on first call (in its worker). */
        pagefind: function () {
          if (!pfSearch) {
            pfSearch = load()
              .then(function (pf) {
                return pf.search(query);
              })
              .then(function (search) {
                pfResults = (search && search.results) || [];
                self.total = pfResults.length;
                self.approximate = false;
                if (typeof self.onExact === "function") self.onExact(self);
                return search;
              });
            pfSearch.catch(function () {
              pfSearch = null;
            });
          }
          return pfSearch;
        },
        next: function (n) {
          n = n || PAGE_SIZE;
          var out = [];
          var first = cursor === 0;
          while (out.length < n && cursor < entries.length) {
            var entry = entries[cursor++];
            shown.add(String(entry.url).replace(/^\/+/, ""));
            out.push(fromEntry(entry));
          }
          // Asking for more than the first page starts Pagefind in the background,
          // so that it is ready when the precomputed list runs out.
          if (!first && !res.complete) self.pagefind();
          if (out.length >= n || res.complete) return Promise.resolve(out);
          return self.pagefind().then(function () {
            return fill(out, n);
          });
        },
        onExact: null
      };
      function fill(out, n) {
        if (out.length >= n || pfCursor >= pfResults.length) return Promise.resolve(out);
        var slice = pfResults.slice(pfCursor, pfCursor + (n - out.length));
        pfCursor += slice.length;
        return Promise.all(
          slice.map(function (r) {
            return r.data();
          })
        ).then(function (datas) {
          datas.forEach(function (d) {
            var u = String(d.url || "");
            var key = (u.indexOf(siteRoot.pathname) === 0 ? u.slice(siteRoot.pathname.length) : u).replace(/^\/+/, "");
            if (shown.has(key)) return; // already shown from the list
            shown.add(key);
            out.push(fromPagefind(d));
          });
          return fill(out, n);
        });
      }
      return self;
    });
  }

  /**
   * Start answering `query`: resolves to a run {source, total, approximate,
   * next(n) → Promise<results>, hasMore(), pagefind(), onExact}. `options.force`
   * sends the whole query to Pagefind.
   */
  function run(query, options) {
    options = options || {};
    query = String(query || "")
      .normalize("NFC")
      .trim();
    return plan(query, !!options.force).then(function (p) {
      if (p.source === "common") {
        return commonRun(query, p)
          .catch(function (err) {
            if (window.console) console.warn("showcase-search: common-word list unavailable", err);
            return null;
          })
          .then(function (r) {
            return r || pagefindRun(query, makePlan(query, true, common));
          });
      }
      return pagefindRun(query, p);
    });
  }

  /* ----------------------------------------------------------------- rendering */

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function matcherFor(query, p) {
    return p && p.source === "common" && p.terms ? planMatcher(p) : prefixMatcher(query);
  }

  /**
   * One result as Material's search result item. `item` is a result of a run
   * (or Pagefind's result data); `p` the run's plan, for highlighting.
   */
  function renderResult(item, query, p) {
    if (item && item.excerptHtml === undefined) item = fromPagefind(item); // Pagefind's result data
    var matcher = matcherFor(query, p);
    var meta = item.meta || {};
    var li = el("li", "md-search-result__item sk-result");
    var a = el("a", "md-search-result__link");
    a.href = item.url;
    var article = el("article", "md-search-result__article md-typeset");
    article.appendChild(el("div", "md-search-result__icon md-icon"));
    var h = el("h1");
    h.appendChild(markText(item.title || item.url, matcher));
    article.appendChild(h);
    var facts = [meta.kind, meta.unit, meta.year].filter(function (v) {
      return v;
    });
    if (facts.length) article.appendChild(el("p", "sk-result__facts", facts.join(" · ")));
    if (item.excerptHtml || item.excerpt) {
      var teaser = el("p", "md-search-result__teaser sk-result__excerpt");
      if (item.excerptHtml) teaser.innerHTML = markExcerpt(item.excerptHtml, query, matcher);
      else teaser.appendChild(markText(item.excerpt, matcher));
      article.appendChild(teaser);
    }
    a.appendChild(article);
    li.appendChild(a);
    return li;
  }

  function statusText(r) {
    if (!r.total) return T.none;
    var text = r.approximate ? T.about(r.total) : T.results(r.total);
    if (r.plan && r.plan.dropped.length) text += " · " + T.dropped(r.plan.dropped);
    return text;
  }

  /* ---------------------------------------------------------- measuring hook */

  /**
   * window.showcaseSearch.search(query) → Promise<{results, total, approximate,
   * source, ms}>: the first ten results as the header shows them, through the
   * same code as the header (no DOM needed). `ms` counts from the call to the
   * first ten results' data.
   */
  window.showcaseSearch = {
    search: function (query, options) {
      var t0 = now();
      return run(query, options).then(function (r) {
        return r.next(PAGE_SIZE).then(function (items) {
          return {
            results: items.map(function (i) {
              return { url: i.url, title: i.title, meta: i.meta, excerpt: i.excerpt };
            }),
            total: r.total,
            approximate: r.approximate,
            source: r.source,
            // fragments loaded for these results (rankedResults may load more than ten)
            fragments: r.ranked ? r.ranked.loaded() : null,
            ms: now() - t0
          };
        });
      });
    }
  };

  var api = {
    root: siteRoot,
    load: load,
    loadCommon: loadCommon,
    plan: plan,
    prepare: prepare,
    run: run,
    fold: fold,
    tokens: tokens,
    exactRule: exactRule,
    rankedResults: rankedResults,
    markExcerpt: markExcerpt,
    markText: markText,
    renderResult: renderResult,
    statusText: statusText,
    PAGE_SIZE: PAGE_SIZE,
    T: T
  };

  /* ------------------------------------------------------------ header dialog */

  if (!header) {
    window.ShowcaseSearch = api;
    return;
  }

  var toggle = document.getElementById("__search");
  var input = header.querySelector("[data-sk-search-input]");
  var form = input.form;
  var statusEl = header.querySelector("[data-sk-search-status]");
  var list = header.querySelector("[data-sk-search-results]");
  var output = header.querySelector("[data-sk-search-output]");
  var openers = document.querySelectorAll(".sk-search-open");
  // data-sk-search-page is relative to the first page loaded, like data-sk-root.
  var searchPageUrl = new URL(header.getAttribute("data-sk-search-page") || "tra-cuu/", location.href).href;

  var seq = 0;
  var timer = 0;
  var current = null; // {query, run}
  var returnFocus = null;

  function isOpen() {
    return !!(toggle && toggle.checked);
  }

  function setOpen(open) {
    if (!toggle || toggle.checked === open) return;
    toggle.checked = open;
    // Material watches the toggle's change event (scroll lock on small screens).
    toggle.dispatchEvent(new Event("change"));
  }

  function open(select) {
    // Focus goes back where it was on close; not to the box itself (opened by a
    // click into it), which would open the search again.
    if (!isOpen()) returnFocus = header.contains(document.activeElement) ? null : document.activeElement;
    setOpen(true);
    input.focus();
    if (select) input.select();
    // The common-word index is small and says whether Pagefind is needed at
    // all: on a site with lists, Pagefind (~250 KB) waits for a query that
    // needs it (warmUp); on a site without, it is fetched now.
    warmUp(input.value.trim());
  }

  function noop() {}

  /**
   * Start fetching Pagefind if `query` needs it: a query whose words are not
   * all common words (from its first keystroke), or any query on a site
   * without common-word lists. A query the lists answer leaves it alone, so
   * the answer is not slowed by the download; idleWarmUp fetches it later.
   */
  function warmUp(query) {
    if (pagefindPromise) return;
    loadCommon().then(function (c) {
      if (!c || !c.shards.size || (query && makePlan(query, false, c).source !== "common")) load().catch(noop);
    });
  }

  var idleTimer = 0;

  /**
   * After a common-word answer is on screen: fetch Pagefind once the page is
   * idle, so that "Xem thêm" past the lists and the next rare word are fast.
   */
  function idleWarmUp() {
    if (pagefindPromise || idleTimer) return;
    idleTimer = setTimeout(function () {
      var go = function () {
        idleTimer = 0;
        load().catch(noop);
      };
      if (window.requestIdleCallback) window.requestIdleCallback(go, { timeout: 2000 });
      else go();
    }, IDLE_WARM_MS);
  }

  function close(restoreFocus) {
    setOpen(false);
    input.blur();
    if (
      restoreFocus &&
      returnFocus &&
      typeof returnFocus.focus === "function" &&
      returnFocus !== document.body &&
      !header.contains(returnFocus)
    ) {
      returnFocus.focus();
    }
    returnFocus = null;
  }

  function setStatus(text, busy) {
    statusEl.textContent = text;
    output.setAttribute("aria-busy", busy ? "true" : "false");
  }

  function clearResults() {
    list.textContent = "";
    current = null;
  }

  function moreItem(state) {
    var li = el("li", "md-search-result__item sk-result-more");
    if (state.run.hasMore()) {
      var btn = el("button", "md-search-result__more sk-result-more__button", T.more);
      btn.type = "button";
      btn.addEventListener("click", function () {
        var focusIndex = list.querySelectorAll(".sk-result").length;
        btn.disabled = true;
        btn.textContent = T.loadingMore;
        showMore(state).then(function () {
          var links = list.querySelectorAll(".sk-result > a");
          if (links[focusIndex]) links[focusIndex].focus();
        });
      });
      li.appendChild(btn);
    }
    var all = el("a", "sk-result-more__all", T.all);
    all.href = searchPageUrl + "?q=" + encodeURIComponent(state.query);
    li.appendChild(all);
    return li;
  }

  /** Append `items` and the "more" row. */
  function appendItems(state, items) {
    if (state !== current) return;
    var old = list.querySelector(".sk-result-more:not(.sk-result-note)");
    if (old) old.remove();
    var frag = document.createDocumentFragment();
    items.forEach(function (item) {
      frag.appendChild(renderResult(item, state.query, state.run.plan));
    });
    frag.appendChild(moreItem(state));
    list.appendChild(frag);
  }

  function showMore(state) {
    if (!state || state !== current) return Promise.resolve();
    return state.run
      .next(PAGE_SIZE)
      .then(function (items) {
        appendItems(state, items);
      })
      .catch(function (err) {
        if (state !== current) return;
        setStatus(T.error, false);
        if (window.console) console.error("showcase-search:", err);
      });
  }

  function noteButton(label, query) {
    var li = el("li", "md-search-result__item sk-result-more sk-result-note");
    var btn = el("button", "md-search-result__more sk-result-more__button", label);
    btn.type = "button";
    btn.addEventListener("click", function () {
      runSearch(query, true);
      input.focus();
    });
    li.appendChild(btn);
    return li;
  }

  function runSearch(query, force) {
    var id = ++seq;
    clearTimeout(timer);
    if (!query) {
      clearResults();
      setStatus(T.idle, false);
      return;
    }
    setStatus(T.loading, true);
    var r = null;
    run(query, { force: force })
      .then(function (result) {
        r = result;
        if (id !== seq) return null;
        return r.next(PAGE_SIZE);
      })
      .then(function (items) {
        if (id !== seq || !items) return;
        clearResults();
        var state = { query: query, run: r };
        current = state;
        r.onExact = function () {
          if (current === state) setStatus(statusText(r), false);
        };
        setStatus(statusText(r), false);
        if (r.plan.dropped.length) list.appendChild(noteButton(T.keep, query));
        if (items.length) appendItems(state, items);
        if (r.source === "common") idleWarmUp();
      })
      .catch(function (err) {
        if (id !== seq) return;
        clearResults();
        setStatus(T.error, false);
        if (window.console) console.error("showcase-search:", err);
      });
  }

  function schedule() {
    clearTimeout(timer);
    var query = input.value.trim();
    if (!query) {
      runSearch("");
      return;
    }
    warmUp(query);
    // A query the common-word lists answer costs no Pagefind work: run it now.
    if (common && makePlan(query, false, common).source === "common") {
      runSearch(query);
      return;
    }
    setStatus(T.loading, true);
    timer = setTimeout(function () {
      runSearch(query);
    }, DEBOUNCE_MS);
  }

  function focusables() {
    return [input].concat(Array.prototype.slice.call(list.querySelectorAll("a[href], button")));
  }

  function isEditable(node) {
    if (!node || node === document.body) return false;
    if (node.isContentEditable) return true;
    var tag = node.tagName;
    if (tag === "TEXTAREA" || tag === "SELECT") return true;
    if (tag === "INPUT") return !/^(checkbox|radio|button|submit|reset)$/i.test(node.type);
    return false;
  }

  input.addEventListener("input", schedule);
  input.addEventListener("focus", function () {
    if (!isOpen()) open(false);
  });

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var first = list.querySelector(".sk-result > a");
    if (first) {
      first.click();
    } else if (input.value.trim()) {
      location.href = searchPageUrl + "?q=" + encodeURIComponent(input.value.trim());
    }
  });

  form.addEventListener("reset", function () {
    setTimeout(function () {
      runSearch("");
      input.focus();
    }, 0);
  });

  // Result links: close the dialog (instant navigation keeps the header).
  list.addEventListener("click", function (ev) {
    var a = ev.target instanceof Element ? ev.target.closest("a[href]") : null;
    if (a) close(false);
  });

  // Labels for="__search": the magnifier opens, the overlay and back arrow close.
  document.querySelectorAll('label[for="__search"]').forEach(function (label) {
    label.addEventListener("click", function (ev) {
      ev.preventDefault();
      if (label.classList.contains("sk-search-open")) open(true);
      else close(true);
    });
  });
  Array.prototype.forEach.call(openers, function (opener) {
    opener.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" || ev.key === " ") {
        ev.preventDefault();
        ev.stopPropagation();
        open(true);
      }
    });
  });

  document.addEventListener(
    "keydown",
    function (ev) {
      if (ev.metaKey || ev.ctrlKey || ev.altKey || ev.isComposing) return;
      if (!isOpen()) {
        if ((ev.key === "/" || ev.key === "s" || ev.key === "f") && !isEditable(document.activeElement)) {
          ev.preventDefault();
          ev.stopPropagation();
          open(true);
        }
        return;
      }
      var active = document.activeElement;
      var inDialog = header.contains(active) || active === document.body || !active;
      if (!inDialog) return;
      if (ev.key === "Escape") {
        ev.preventDefault();
        close(true);
      } else if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
        var items = focusables();
        var i = items.indexOf(active);
        var next = ev.key === "ArrowDown" ? i + 1 : i - 1;
        if (next < 0) next = items.length - 1;
        if (next >= items.length) next = 0;
        items[next].focus();
        ev.preventDefault();
      }
    },
    true
  );

  // Deep link: ?q= on any page other than the search page opens the dialog.
  (function () {
    var params = new URLSearchParams(location.search);
    if (params.has("q") && !document.getElementById("sk-search")) {
      input.value = params.get("q") || "";
      open(false);
      runSearch(input.value.trim());
    }
  })();

  api.open = open;
  api.close = close;
  api.search = function (q) {
    input.value = q;
    open(false);
    runSearch(q.trim());
  };
  window.ShowcaseSearch = api;
})();
