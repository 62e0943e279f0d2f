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
 *
 * Exposes `window.ShowcaseSearch` (load, fold, markExcerpt, renderResult, ...)
 * for showcase-facets.js.
 */
(function () {
  "use strict";

  var PAGE_SIZE = 10;
  var DEBOUNCE_MS = 180;

  var T = {
    idle: "Nhập từ khóa để tìm kiếm",
    loading: "Đang tìm…",
    none: "Không tìm thấy kết quả",
    error: "Không tải được chỉ mục tìm kiếm. Vui lòng thử lại.",
    more: "Xem thêm kết quả",
    all: "Mở trang Tra cứu với bộ lọc",
    dropped: function (words) {
      return "Bỏ qua từ phổ biến: " + words.join(" ");
    },
    keep: "Tìm cả những từ này",
    tooCommon: function (q) {
      return "“" + q + "” có trong hầu hết các trang. Hãy thêm từ khóa cụ thể hơn.";
    },
    anyway: "Vẫn tìm (có thể mất vài giây)",
    results: function (n) {
      return formatNumber(n) + " kết quả";
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

  /** Lower-case and strip Vietnamese diacritics, "đ" included. */
  function fold(text) {
    return String(text || "")
      .replace(/[đĐ]/g, "d")
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase();
  }

  /** Query terms as Pagefind sees them, folded. */
  function foldedTerms(query) {
    return fold(query)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(function (t) {
        return t.length > 0;
      });
  }

  /**
   * Add <mark> around words of a Pagefind excerpt that match a query term once
   * both are folded. Pagefind's excerpt is HTML with entities already encoded;
   * it is parsed into an inert <template>, only text nodes are split, and only
   * <mark> elements are added.
   */
  function markExcerpt(excerptHtml, query) {
    var terms = foldedTerms(query);
    var tpl = document.createElement("template");
    tpl.innerHTML = excerptHtml || "";
    if (!terms.length) return tpl.innerHTML;
    var walker = document.createTreeWalker(tpl.content, NodeFilter.SHOW_TEXT);
    var nodes = [];
    for (var n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.parentElement || n.parentElement.closest("mark") === null) nodes.push(n);
    }
    var word = /[\p{L}\p{N}\p{M}]+/gu;
    nodes.forEach(function (node) {
      var text = node.nodeValue;
      var frag = document.createDocumentFragment();
      var last = 0;
      var changed = false;
      text.replace(word, function (w, offset) {
        var f = fold(w);
        var hit = terms.some(function (t) {
          return f.indexOf(t) === 0;
        });
        if (hit) {
          if (offset > last) frag.appendChild(document.createTextNode(text.slice(last, offset)));
          var mark = document.createElement("mark");
          mark.textContent = w;
          frag.appendChild(mark);
          last = offset + w.length;
          changed = true;
        }
        return w;
      });
      if (!changed) return;
      if (last < text.length) frag.appendChild(document.createTextNode(text.slice(last)));
      node.parentNode.replaceChild(frag, node);
    });
    return tpl.innerHTML;
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
  var pagefindPromise = null;

  function load() {
    if (pagefindPromise) return pagefindPromise;
    pagefindPromise = import(new URL("pagefind/pagefind.js", siteRoot).href)
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

  /*
   * Words on most pages ("sáng kiến" on a site of initiatives) make Pagefind slow:
   * its scoring time grows with (pages matched) × (page entries of the query's
   * words), seconds at 10,000+ pages. index_site writes the folded words found on
   * at least 80% of the pages; a query that has other words is sent without runs
   * of two or more of them, and a query made only of them is not run on a large
   * site unless asked.
   * See docs_dev/search-performance.md.
   */
  var ALL_COMMON_MAX_PAGES = 3000;
  var commonPromise = null;

  function loadCommon() {
    if (!commonPromise) {
      commonPromise = fetch(new URL("pagefind/showcase-common-words.json", siteRoot).href)
        .then(function (r) {
          return r.ok ? r.json() : null;
        })
        .catch(function () {
          return null;
        })
        .then(function (d) {
          return { pages: (d && d.pages) || 0, words: new Set((d && d.words) || []) };
        });
    }
    return commonPromise;
  }

  /**
   * Resolves to {query, dropped, tooCommon}: the query to send to Pagefind, the
   * common words left out of it, and whether it is made only of common words on
   * a site too large to search them quickly. `force` sends the query unchanged.
   */
  function prepare(query, force) {
    query = String(query || "").trim();
    if (force || !query || /^\s*".+"\s*$/.test(query)) {
      return Promise.resolve({ query: query, dropped: [], tooCommon: false });
    }
    return loadCommon().then(function (common) {
      var terms = query.split(/\s+/);
      var isCommon = terms.map(function (t) {
        var f = foldedTerms(t).join(" ");
        return !!f && common.words.has(f);
      });
      // Vietnamese words are syllables: drop only runs of two or more common
      // syllables ("sáng kiến"), never one syllable of a word ("mới" of "đổi mới").
      var kept = [];
      var dropped = [];
      for (var i = 0; i < terms.length; ) {
        var j = i;
        while (j < terms.length && isCommon[j]) j++;
        if (j - i >= 2) {
          dropped = dropped.concat(terms.slice(i, j));
          i = j;
        } else if (j > i) {
          kept = kept.concat(terms.slice(i, j));
          i = j;
        } else {
          kept.push(terms[i]);
          i++;
        }
      }
      var allCommon = isCommon.every(Boolean);
      var meaningful = kept.some(function (t) {
        return foldedTerms(t).join("").length >= 2;
      });
      if (dropped.length && meaningful) return { query: kept.join(" "), dropped: dropped, tooCommon: false };
      if (allCommon && common.pages > ALL_COMMON_MAX_PAGES) {
        return { query: query, dropped: [], tooCommon: true };
      }
      return { query: query, dropped: [], tooCommon: false };
    });
  }

  /* ----------------------------------------------------------------- rendering */

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  /** One result as Material's search result item. `data` is Pagefind's result data. */
  function renderResult(data, query) {
    var meta = data.meta || {};
    var li = el("li", "md-search-result__item sk-result");
    var a = el("a", "md-search-result__link");
    a.href = data.url;
    var article = el("article", "md-search-result__article md-typeset");
    article.appendChild(el("div", "md-search-result__icon md-icon"));
    article.appendChild(el("h1", null, meta.title || data.url));
    var facts = [meta.kind, meta.unit, meta.year].filter(function (v) {
      return v;
    });
    if (facts.length) article.appendChild(el("p", "sk-result__facts", facts.join(" · ")));
    if (data.excerpt) {
      var teaser = el("p", "md-search-result__teaser sk-result__excerpt");
      teaser.innerHTML = markExcerpt(data.excerpt, query);
      article.appendChild(teaser);
    }
    a.appendChild(article);
    li.appendChild(a);
    return li;
  }

  /* ------------------------------------------------------------ header dialog */

  if (!header) {
    window.ShowcaseSearch = { root: siteRoot, load: load, prepare: prepare, fold: fold, markExcerpt: markExcerpt, renderResult: renderResult, T: T };
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
  var current = null; // {query, results, shown}
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
    if (!isOpen()) returnFocus = document.activeElement;
    setOpen(true);
    input.focus();
    if (select) input.select();
    load().catch(function () {}); // start fetching the bundle now
  }

  function close(restoreFocus) {
    setOpen(false);
    input.blur();
    if (restoreFocus && returnFocus && typeof returnFocus.focus === "function" && returnFocus !== document.body) {
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

  function showMore() {
    if (!current) return Promise.resolve();
    var state = current;
    var start = state.shown;
    var slice = state.results.slice(start, start + PAGE_SIZE);
    state.shown += slice.length;
    // Result data is loaded lazily, one fragment per shown result.
    return Promise.all(
      slice.map(function (r) {
        return r.data();
      })
    ).then(function (datas) {
      if (state !== current) return;
      var old = list.querySelector(".sk-result-more:not(.sk-result-note)");
      if (old) old.remove();
      datas.forEach(function (d) {
        list.appendChild(renderResult(d, state.query));
      });
      var li = el("li", "md-search-result__item sk-result-more");
      if (state.shown < state.results.length) {
        var btn = el("button", "md-search-result__more sk-result-more__button", T.more);
        btn.type = "button";
        btn.addEventListener("click", function () {
          var focusIndex = state.shown;
          showMore().then(function () {
            var links = list.querySelectorAll(".sk-result > a");
            if (links[focusIndex]) links[focusIndex].focus();
          });
        });
        li.appendChild(btn);
      }
      var all = el("a", "sk-result-more__all", T.all);
      all.href = searchPageUrl + "?q=" + encodeURIComponent(state.query);
      li.appendChild(all);
      list.appendChild(li);
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
    if (!query) {
      clearResults();
      setStatus(T.idle, false);
      return;
    }
    setStatus(T.loading, true);
    var plan = null;
    prepare(query, force)
      .then(function (p) {
        plan = p;
        if (p.tooCommon) return null;
        return load().then(function (pf) {
          return pf.search(p.query);
        });
      })
      .then(function (search) {
        if (id !== seq) return;
        clearResults();
        if (plan.tooCommon) {
          setStatus(T.tooCommon(query), false);
          list.appendChild(noteButton(T.anyway, query));
          return;
        }
        if (!search) return;
        // Marks use the whole query, common words included.
        current = { query: query, results: search.results, shown: 0 };
        var n = search.results.length;
        var text = n ? T.results(n) : T.none;
        if (plan.dropped.length) text += " · " + T.dropped(plan.dropped);
        setStatus(text, false);
        if (plan.dropped.length) list.appendChild(noteButton(T.keep, query));
        if (n) return showMore();
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

  window.ShowcaseSearch = {
    root: siteRoot,
    load: load,
    prepare: prepare,
    fold: fold,
    markExcerpt: markExcerpt,
    renderResult: renderResult,
    open: open,
    close: close,
    search: function (q) {
      input.value = q;
      open(false);
      runSearch(q.trim());
    },
    T: T
  };
})();
