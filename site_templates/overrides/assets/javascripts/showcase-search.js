/*
 * Showcase search: the header search box, and the browser side of the search index.
 *
 * Needs showcase-search-core.js first (window.ShowcaseSearchCore: folding, planning,
 * ranking, bitsets; unit-tested in Node, tests/js/). This file is the browser part:
 * network, DOM, the header dialog.
 *
 * - The search index (pagefind/showcase-index/, generator/search.py) is fetched
 *   piece by piece: index.json, then for a query the vocabulary file of each word
 *   (vocab/<first two letters>.json), the words' document lists (word/<w>.json,
 *   form/<w>.json for words typed with diacritics) and the rows of the first results
 *   (docs/<n>.json). core.searchWords ranks them (exact diacritics, the query as a
 *   phrase in the title, every word in the title, score, recency): no title needs
 *   fetching to rank, only the rows of the page shown.
 * - Quoted phrases ("…") go to Pagefind (pagefind/pagefind.js, its bundles merged
 *   with mergeIndex), which knows word positions; it is loaded only then.
 * - The bundle is found from the header's `data-sk-root` (the page's relative
 *   `base_url`), resolved once against the address of the first page loaded, so
 *   it works under a sub-path `site_url` and after Material's instant navigation.
 * - Material draws its header search only while its own `search` plugin is on;
 *   partials/header.html draws the same markup (same classes, same `__search`
 *   toggle) and this script drives it.
 * - "/", "s" or "f" opens the search; Enter opens /tra-cuu/?q=… (a focused result
 *   opens itself); Escape closes and gives focus back to the search button (or to
 *   what had it before); ArrowUp/ArrowDown move between the query and the results.
 *
 * Exposes `window.ShowcaseSearch` (index, load, run, renderResult, …) for
 * showcase-facets.js, and `window.showcaseSearch.search(q)` for benchmarks and
 * tests: the same code path as the header, without the DOM.
 */
(function () {
  "use strict";

  var core = window.ShowcaseSearchCore;
  var PAGE_SIZE = 10;
  // Word queries fetch a few small files; Pagefind (quoted phrases) costs more.
  var DEBOUNCE_MS = 80;
  var PAGEFIND_DEBOUNCE_MS = 180;
  // How many of Pagefind's first results are re-ranked (quoted phrases).
  var RERANK_TOP = 30;

  var T = {
    idle: "Nhập từ khóa để tìm kiếm",
    loading: "Đang tìm…",
    loadingMore: "Đang tải thêm…",
    none: "Không tìm thấy kết quả",
    error: "Không tải được chỉ mục tìm kiếm. Vui lòng thử lại.",
    more: "Xem thêm kết quả",
    all: "Mở trang Tra cứu với bộ lọc",
    results: function (n) {
      return core.formatNumber(n) + " kết quả";
    }
  };

  function now() {
    return window.performance && performance.now ? performance.now() : Date.now();
  }

  /* ------------------------------------------------------------ ranking */

  /** The text a result is judged on: its title, then its content (or excerpt). */
  function resultTitle(data) {
    return ((data && data.meta) || {}).title || "";
  }

  function resultText(data) {
    return data ? data.content || htmlToText(data.excerpt) : "";
  }

  /**
   * Pagefind's `results` in the order to show them, read page by page:
   * {next(n) → Promise<result data>, hasMore(), loaded()}. The first RERANK_TOP
   * results are stable-sorted by core.rankKeyFunction(query); results past
   * RERANK_TOP follow in Pagefind's order. Fragments are loaded in parallel and
   * only as far as needed: if the first n results all have the best possible
   * key, they are the first n either way; otherwise the rest of the top is
   * loaded (asked for as soon as one of the first n misses) to sort it.
   * `query` "" keeps Pagefind's order (a chosen sort on /tra-cuu/).
   */
  function rankedResults(results, query) {
    results = results || [];
    var keyOf = query ? core.rankKeyFunction(query) : null;
    var top = Math.min(RERANK_TOP, results.length);
    var cache = new Array(results.length);
    var order = results.map(function (r, i) {
      return i;
    });
    var settled = !keyOf || top < 2;
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

    function best(d) {
      return core.compareKeys(keyOf(resultTitle(d), resultText(d)), [0, 0]) === 0;
    }

    /** Make the first `count` places of `order` final. */
    function ensure(count) {
      if (settled) return Promise.resolve();
      var head = Math.min(count, top);
      var checks = [];
      for (var i = 0; i < head; i++) {
        checks.push(
          data(i).then(function (d) {
            var ok = best(d);
            // One miss is enough to know the rest of the top is needed: ask now.
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
          var keys = all.map(function (d) {
            return keyOf(resultTitle(d), resultText(d));
          });
          order = core.stableOrder(keys).concat(order.slice(top));
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

  /* ------------------------------------------------------------ marking */

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
      if (matcher(core.fold(w), w.normalize("NFC").toLowerCase())) {
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
   * <mark> elements are added.
   */
  function markExcerpt(excerptHtml, query, matcher) {
    var tpl = document.createElement("template");
    tpl.innerHTML = excerptHtml || "";
    if (!core.foldedTerms(query).length) return tpl.innerHTML;
    matcher = matcher || core.prefixMatcher(query);
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

  var PAGEFIND_OPTIONS = {
    baseUrl: siteRoot.pathname,
    excerptLength: 26,
    ranking: {
      // Exact diacritics ("bàn" for "bàn", not "bán") count for more than
      // Pagefind's default 0.8 boost.
      diacriticSimilarity: 1.5,
      // Folded words only make a match possible; kind, year and unit are on
      // many records (the unit is already weighted among the names).
      metaWeights: { title: 5.0, folded: 0.5, kind: 0.0, year: 0.0, unit: 0.0 }
    }
  };

  /* ------------------------------------------------------- the search index */

  function getJSON(url, missing) {
    return fetch(url).then(function (r) {
      if (r.status === 404 && missing !== undefined) return missing;
      if (!r.ok) throw new Error("HTTP " + r.status + " " + url);
      return r.json();
    });
  }

  /**
   * pagefind/showcase-index/ (generator/search.py, search_filters.py,
   * search_words.py), fetched file by file and kept for the page's life
   * (instant navigation included). Every file is asked for once; a failed
   * request is asked for again next time.
   */
  function SearchIndex(base) {
    this.base = base;
    this.files = new Map(); // path → Promise of its JSON
    this.values = {}; // facet key → [[name, total], ...] (head, or all once values.json is in)
    this.lists = {}; // "key/number" → {n, set, co}: facet value lists, decoded
  }

  SearchIndex.prototype.get = function (path, missing) {
    var files = this.files;
    if (!files.has(path)) {
      var p = getJSON(new URL(path, this.base).href, missing).catch(function (err) {
        files.delete(path);
        throw err;
      });
      files.set(path, p);
    }
    return files.get(path);
  };

  /** index.json: {count, dated, chunk, sort, facets, words, bundles}. */
  SearchIndex.prototype.manifest = function () {
    var self = this;
    return this.get("index.json").then(function (m) {
      Object.keys(m.facets || {}).forEach(function (k) {
        if (!self.values[k]) self.values[k] = m.facets[k].values;
      });
      return m;
    });
  };

  SearchIndex.prototype.vocab = function (prefix) {
    return this.get("vocab/" + prefix + ".json", []);
  };

  SearchIndex.prototype.word = function (word) {
    return this.get("word/" + word + ".json", {});
  };

  SearchIndex.prototype.forms = function (word) {
    return this.get("form/" + word + ".json", {});
  };

  SearchIndex.prototype.pairs = function (word) {
    return this.get("pair/" + word + ".json", {});
  };

  /** Every value of facet `key` (values.json when the head is not all of them). */
  SearchIndex.prototype.allValues = function (key) {
    var self = this;
    return this.manifest().then(function (m) {
      var facet = m.facets[key];
      if (!facet || facet.values.length >= facet.n) return self.values[key] || [];
      return self.get("facet/" + key + "/values.json").then(function (d) {
        self.values[key] = d.values;
        return d.values;
      });
    });
  };

  /** Value numbers of `names` in facet `key` ({name: number}), fetching values.json if needed. */
  SearchIndex.prototype.numbers = function (key, names) {
    var self = this;
    function find() {
      var out = {};
      (self.values[key] || []).forEach(function (pair, i) {
        if (names.indexOf(pair[0]) >= 0) out[pair[0]] = i;
      });
      return out;
    }
    return this.manifest().then(function () {
      var found = find();
      if (Object.keys(found).length === names.length) return found;
      return self.allValues(key).then(find);
    });
  };

  /** A facet value's list, decoded: {n, set, co}. */
  SearchIndex.prototype.list = function (key, number) {
    var self = this;
    var id = key + "/" + number;
    if (this.lists[id]) return Promise.resolve(this.lists[id]);
    return Promise.all([this.manifest(), this.get("facet/" + id + ".json")]).then(function (got) {
      var d = got[1];
      if (!self.lists[id]) self.lists[id] = { n: d.n, co: d.co, set: core.decodeIds(d.ids, got[0].count) };
      return self.lists[id];
    });
  };

  /** Result rows of `ordinals` ([url, title, kind, unit, year, excerpt]), in that order. */
  SearchIndex.prototype.rows = function (ordinals) {
    var self = this;
    return this.manifest().then(function (m) {
      var size = m.chunk;
      var wanted = [];
      ordinals.forEach(function (o) {
        var c = Math.floor(o / size);
        if (wanted.indexOf(c) < 0) wanted.push(c);
      });
      return Promise.all(
        wanted.map(function (c) {
          return self.get("docs/" + c + ".json");
        })
      ).then(function (got) {
        var byChunk = {};
        wanted.forEach(function (c, i) {
          byChunk[c] = got[i];
        });
        return ordinals.map(function (o) {
          return byChunk[Math.floor(o / size)][o % size];
        });
      });
    });
  };

  var index = new SearchIndex(new URL("showcase-index/", bundleRoot));

  /**
   * The documents of a word query `p` (core.makePlan), ranked:
   * {ordinals, exact, total} (core.searchWords).
   */
  function wordSearch(p) {
    return index.manifest().then(function (m) {
      var words = m.words || {};
      var letters = words.prefix || 2;
      var files = new Set(words.files || []);
      return Promise.all(
        p.terms.map(function (t) {
          var prefix = core.vocabPrefix(t.folded, letters);
          // a file that does not exist would cost a 404 (the site's 404 page on a static host)
          return files.has(prefix) ? index.vocab(prefix) : [];
        })
      ).then(function (entries) {
        var terms = p.terms.map(function (t, i) {
          return Object.assign({}, t, { words: core.termWords(t, entries[i]) });
        });
        var loads = [];
        terms.forEach(function (t, i) {
          t.words.forEach(function (w) {
            loads.push(
              index.word(w.word).then(function (file) {
                w.file = file;
              })
            );
            if (i + 1 < terms.length && w.pairs) {
              loads.push(
                index.pairs(w.word).then(function (file) {
                  w.pairFile = file;
                })
              );
            }
            if (t.marked && typeof w.forms === "number") {
              loads.push(
                index.forms(w.word).then(function (file) {
                  w.formFile = file;
                })
              );
            }
          });
        });
        return Promise.all(loads).then(function () {
          return core.searchWords(terms, m.count);
        });
      });
    });
  }

  /** A result as the UI shows it, from a row of the index. */
  function fromRow(row) {
    return {
      url: siteRoot.pathname + String(row[0] || "").replace(/^\/+/, ""),
      title: row[1] || row[0],
      meta: { kind: row[2], unit: row[3], year: row[4] },
      excerpt: row[5] || "",
      excerptHtml: null
    };
  }

  /** A ranked list of ordinals read page by page: {next(n) → Promise<items>, hasMore(), total}. */
  function pagedRows(ordinals) {
    var cursor = 0;
    return {
      total: ordinals.length,
      hasMore: function () {
        return cursor < ordinals.length;
      },
      next: function (n) {
        var slice = ordinals.slice(cursor, cursor + (n || PAGE_SIZE));
        cursor += slice.length;
        return index.rows(slice).then(function (rows) {
          return rows.map(fromRow);
        });
      }
    };
  }

  /* -------------------------------------------------------------- Pagefind */

  var pagefindPromise = null;

  /** Pagefind, initialised, with the site's other bundles merged in. */
  function load() {
    if (pagefindPromise) return pagefindPromise;
    pagefindPromise = Promise.all([import(new URL("pagefind.js", bundleRoot).href), index.manifest()])
      .then(function (loaded) {
        var pf = loaded[0];
        var bundles = loaded[1].bundles || [];
        return Promise.resolve(pf.options(PAGEFIND_OPTIONS))
          .then(function () {
            return pf.init();
          })
          .then(function () {
            return Promise.all(
              bundles.map(function (b) {
                return pf.mergeIndex(new URL(b, bundleRoot).pathname, PAGEFIND_OPTIONS);
              })
            );
          })
          .then(function () {
            return pf;
          });
      })
      .catch(function (err) {
        pagefindPromise = null;
        throw err;
      });
    return pagefindPromise;
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

  /* -------------------------------------------------------------------- runs */

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
          search: search,
          ranked: ranked,
          hasMore: ranked.hasMore,
          next: function (n) {
            return ranked.next(n || PAGE_SIZE).then(function (datas) {
              return datas.map(fromPagefind);
            });
          }
        };
      });
  }

  function wordRun(query, p) {
    return wordSearch(p).then(function (found) {
      var ranked = pagedRows(found.ordinals);
      return {
        query: query,
        plan: p,
        source: "words",
        total: found.total,
        found: found,
        hasMore: ranked.hasMore,
        next: ranked.next
      };
    });
  }

  /**
   * Start answering `query`: resolves to a run {source ("words" or "pagefind"),
   * total, plan, next(n) → Promise<results>, hasMore()}.
   */
  function run(query) {
    var p = core.makePlan(query);
    return p.source === "pagefind" ? pagefindRun(p.query, p) : wordRun(p.query, p);
  }

  /* ----------------------------------------------------------------- rendering */

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function matcherFor(query, p) {
    return p && p.source === "words" && p.terms ? core.planMatcher(p) : core.prefixMatcher(query);
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
    return r.total ? T.results(r.total) : T.none;
  }

  /* ---------------------------------------------------------- measuring hook */

  /**
   * window.showcaseSearch.search(query) → Promise<{results, total, source, ms,
   * fragments}>: the first ten results as the header shows them,
   * through the same code as the header (no DOM needed). `ms` counts from the
   * call to the first ten results' data.
   */
  window.showcaseSearch = {
    search: function (query) {
      var t0 = now();
      return run(query).then(function (r) {
        return r.next(PAGE_SIZE).then(function (items) {
          return {
            results: items.map(function (i) {
              return { url: i.url, title: i.title, meta: i.meta, excerpt: i.excerpt };
            }),
            total: r.total,
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
    bundle: bundleRoot,
    load: load,
    index: index,
    wordSearch: wordSearch,
    pagedRows: pagedRows,
    fromRow: fromRow,
    run: run,
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
  var opener = document.querySelector(".sk-search-open");
  // data-sk-search-page is relative to the first page loaded, like data-sk-root.
  var searchPageUrl = new URL(header.getAttribute("data-sk-search-page") || "tra-cuu/", location.href).href;

  var seq = 0;
  var timer = 0;
  var current = null; // {query, run}
  var returnFocus = null;
  var quietFocus = false; // focusing the box without opening the dialog

  function isOpen() {
    return !!(toggle && toggle.checked);
  }

  function setOpen(open) {
    if (opener) opener.setAttribute("aria-expanded", open ? "true" : "false");
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
    // The index's manifest is small and every query needs it.
    index.manifest().catch(noop);
  }

  function noop() {}

  function visible(node) {
    return !!(node && node.getClientRects().length && getComputedStyle(node).visibility !== "hidden");
  }

  /**
   * Close the dialog. With `restoreFocus`: focus goes to the search button
   * (narrow screens, where it opened the dialog), else to what had it before
   * opening, else stays in the box without reopening the dialog: never to the
   * page body.
   */
  function close(restoreFocus) {
    setOpen(false);
    if (!restoreFocus) {
      input.blur();
      returnFocus = null;
      return;
    }
    var target = null;
    if (visible(opener)) target = opener;
    else if (
      returnFocus &&
      typeof returnFocus.focus === "function" &&
      returnFocus !== document.body &&
      !header.contains(returnFocus) &&
      document.contains(returnFocus)
    )
      target = returnFocus;
    returnFocus = null;
    if (target) {
      target.focus();
    } else {
      quietFocus = true;
      input.focus();
      quietFocus = false;
    }
  }

  function setStatus(text, busy) {
    statusEl.textContent = text;
    output.setAttribute("aria-busy", busy ? "true" : "false");
  }

  function clearResults() {
    list.textContent = "";
    current = null;
  }

  function searchPageFor(query) {
    return searchPageUrl + "?q=" + encodeURIComponent(query);
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
    all.href = searchPageFor(state.query);
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

  function runSearch(query) {
    var id = ++seq;
    clearTimeout(timer);
    if (!query) {
      clearResults();
      setStatus(T.idle, false);
      return;
    }
    setStatus(T.loading, true);
    var r = null;
    run(query)
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
        setStatus(statusText(r), false);
        if (items.length) appendItems(state, items);
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
    if (!isOpen()) open(false);
    if (!query) {
      runSearch("");
      return;
    }
    setStatus(T.loading, true);
    timer = setTimeout(
      function () {
        runSearch(query);
      },
      core.isQuoted(query) ? PAGEFIND_DEBOUNCE_MS : DEBOUNCE_MS
    );
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
    if (!isOpen() && !quietFocus) open(false);
  });

  // Enter in the box: the search page with the query (a focused result link
  // opens that result instead, as links do).
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var query = input.value.trim();
    if (!query) return;
    close(false);
    location.href = searchPageFor(query);
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

  // The overlay and the back arrow (labels for="__search") close; the button opens.
  document.querySelectorAll('label[for="__search"]').forEach(function (label) {
    label.addEventListener("click", function (ev) {
      ev.preventDefault();
      close(true);
    });
  });
  if (opener) {
    opener.addEventListener("click", function (ev) {
      ev.preventDefault();
      if (isOpen()) close(true);
      else open(true);
    });
  }

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
