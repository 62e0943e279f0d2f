/*
 * Showcase search page (/tra-cuu/): query box + facets on the Pagefind JS API.
 *
 * Runs on any page holding
 *
 *   <div id="sk-search" data-filters="kind year field province unit award_form level status"></div>
 *
 * (optional: data-labels='{"unit": "Đơn vị", ...}' to rename facets,
 *  data-sort="date" to name the sort key, data-page-size="20").
 * Needs showcase-search.js loaded first (it finds the Pagefind bundle).
 *
 * - Values inside one facet are alternatives (any of), facets combine (and).
 * - Counts next to each value: how many results that value would give with the
 *   other facets as they are.
 * - State lives in the address (?q=…&kind=…&year=…&sort=…, history.replaceState)
 *   so a view can be shared and is restored on load.
 * - An empty query with filters lists the matching records, newest first. With
 *   neither, only the facets (with their totals) are shown: a search without
 *   words downloads Pagefind's whole word index.
 * - A query made only of common words ("sáng kiến"), with no filter and no
 *   sort chosen, is answered at once from the precomputed common-word lists
 *   (showcase-search.js, run()); Pagefind is fetched only once that answer
 *   is painted, then runs in the background (its worker) to count the facets
 *   and to page beyond the lists.
 * - Ranked by relevance, a query with diacritics (or đ) lists the results that
 *   hold its words with the same diacritics first (showcase-search.js,
 *   rankedResults: the top 30 of Pagefind's order, stable-partitioned).
 * - In other queries, runs of words found on most pages are left out
 *   (showcase-search.js, plan()), with a button to search with them anyway.
 * - Re-initialises after Material's instant navigation (document$).
 */
(function () {
  "use strict";

  var LABELS = {
    kind: "Loại hồ sơ",
    year: "Năm",
    field: "Lĩnh vực",
    unit: "Đơn vị",
    province: "Tỉnh, thành phố",
    award_form: "Hình thức khen thưởng",
    level: "Cấp công nhận",
    status: "Tình trạng"
  };
  var T = {
    query: "Từ khóa",
    placeholder: "Nhập từ khóa, ví dụ: chuyển đổi số",
    search: "Tìm kiếm",
    filters: "Bộ lọc",
    clear: "Xoá bộ lọc",
    sort: "Sắp xếp",
    relevance: "Liên quan nhất",
    newest: "Mới nhất",
    oldest: "Cũ nhất",
    loading: "Đang tìm…",
    idle: "Nhập từ khóa hoặc chọn bộ lọc để xem danh sách hồ sơ.",
    keep: "Tìm cả những từ này",
    counting: "Đang đếm…",
    none: "Không tìm thấy kết quả",
    error: "Không tải được chỉ mục tìm kiếm. Vui lòng thử lại.",
    more: "Xem thêm kết quả",
    showAll: function (n) {
      return "Xem thêm " + n + " giá trị";
    },
    showLess: "Thu gọn",
    results: function (n) {
      return fmt(n) + " kết quả";
    },
    all: function (n) {
      return "Tất cả " + fmt(n) + " hồ sơ";
    }
  };
  var SHORT_LIST = 8;

  function fmt(n) {
    try {
      return n.toLocaleString("vi-VN");
    } catch (e) {
      return String(n);
    }
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === "className") node.className = attrs[k];
        else node.setAttribute(k, attrs[k]);
      });
    }
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  var collator = typeof Intl !== "undefined" && Intl.Collator ? new Intl.Collator("vi") : null;
  function compareText(a, b) {
    return collator ? collator.compare(a, b) : a < b ? -1 : a > b ? 1 : 0;
  }

  function readState(keys) {
    var params = new URLSearchParams(location.search);
    var filters = {};
    keys.forEach(function (k) {
      var values = params.getAll(k).filter(function (v) {
        return v !== "";
      });
      if (values.length) filters[k] = values;
    });
    return { q: params.get("q") || "", filters: filters, sort: params.get("sort") || "" };
  }

  function writeState(state, keys) {
    var params = new URLSearchParams(location.search);
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
    var url = location.pathname + (qs ? "?" + qs : "") + location.hash;
    if (url !== location.pathname + location.search + location.hash) {
      history.replaceState(history.state, "", url);
    }
  }

  function pagefindFilters(filters, except) {
    var out = {};
    Object.keys(filters).forEach(function (k) {
      if (k !== except && filters[k] && filters[k].length) out[k] = { any: filters[k].slice() };
    });
    return out;
  }

  function mount(root) {
    if (!root || root.getAttribute("data-sk-ready") === "true") return;
    var api = window.ShowcaseSearch;
    if (!api) {
      root.textContent = T.error;
      return;
    }
    root.setAttribute("data-sk-ready", "true");

    var keys = (root.getAttribute("data-filters") || "kind year field province unit award_form level status")
      .split(/[\s,]+/)
      .filter(Boolean);
    var labels = Object.assign({}, LABELS);
    try {
      Object.assign(labels, JSON.parse(root.getAttribute("data-labels") || "{}"));
    } catch (e) {
      /* keep defaults */
    }
    var sortKey = root.getAttribute("data-sort") || "date";
    var pageSize = parseInt(root.getAttribute("data-page-size") || "20", 10) || 20;

    var state = readState(keys);
    var expanded = {};
    var seq = 0;
    var timer = 0;
    var current = null;
    var allCounts = null;
    var forcedQuery = null;

    /* ------------------------------------------------------------- skeleton */
    root.textContent = "";
    root.classList.add("sk-facets");

    var form = el("form", { className: "sk-facets__form", role: "search", "aria-label": T.search });
    var qid = "sk-facets-q";
    form.appendChild(el("label", { className: "sk-facets__label", for: qid }, T.query));
    var row = el("div", { className: "sk-facets__row" });
    var input = el("input", {
      id: qid,
      className: "sk-facets__input",
      type: "search",
      name: "q",
      autocomplete: "off",
      spellcheck: "false",
      enterkeyhint: "search",
      placeholder: T.placeholder
    });
    input.value = state.q;
    row.appendChild(input);
    var sortSel = el("select", { className: "sk-facets__sort", "aria-label": T.sort });
    [
      ["", T.relevance],
      [sortKey + "-desc", T.newest],
      [sortKey + "-asc", T.oldest]
    ].forEach(function (o) {
      var opt = el("option", { value: o[0] }, o[1]);
      sortSel.appendChild(opt);
    });
    sortSel.value = state.sort;
    row.appendChild(sortSel);
    form.appendChild(row);

    var layout = el("div", { className: "sk-facets__layout" });
    var panel = el("details", { className: "sk-facets__panel" });
    if (window.matchMedia && window.matchMedia("(min-width: 60em)").matches) panel.open = true;
    var summary = el("summary", { className: "sk-facets__summary" }, T.filters);
    panel.appendChild(summary);
    var groups = el("div", { className: "sk-facets__groups" });
    panel.appendChild(groups);
    var clearBtn = el("button", { type: "button", className: "md-button sk-facets__clear" }, T.clear);
    panel.appendChild(clearBtn);

    var main = el("div", { className: "sk-facets__main" });
    var status = el("p", { className: "sk-facets__status", role: "status", "aria-live": "polite" });
    var note = el("div", { className: "sk-facets__notes" });
    var list = el("ol", { className: "sk-facets__results md-search-result__list", "aria-label": T.search });
    var moreBtn = el("button", { type: "button", className: "md-button sk-facets__more", hidden: "" }, T.more);
    main.appendChild(status);
    main.appendChild(note);
    main.appendChild(list);
    main.appendChild(moreBtn);

    layout.appendChild(panel);
    layout.appendChild(main);
    root.appendChild(form);
    root.appendChild(layout);

    /* ---------------------------------------------------------------- facets */
    function renderGroups(counts) {
      var focusedId = document.activeElement && root.contains(document.activeElement) ? document.activeElement.id : null;
      groups.textContent = "";
      var active = 0;
      keys.forEach(function (key, gi) {
        var values = Object.assign({}, (counts || {})[key] || {});
        (state.filters[key] || []).forEach(function (v) {
          active++;
          if (!(v in values)) values[v] = 0;
        });
        var names = Object.keys(values).filter(function (v) {
          return values[v] > 0 || (state.filters[key] || []).indexOf(v) >= 0;
        });
        if (!names.length) return;
        names.sort(function (a, b) {
          if (key === "year") return compareText(b, a);
          return values[b] - values[a] || compareText(a, b);
        });
        var fs = el("fieldset", { className: "sk-facet", "data-facet": key });
        fs.appendChild(el("legend", { className: "sk-facet__legend" }, labels[key] || key));
        var ul = el("ul", { className: "sk-facet__values" });
        var limit = expanded[key] ? names.length : SHORT_LIST;
        names.forEach(function (name, i) {
          var selected = (state.filters[key] || []).indexOf(name) >= 0;
          if (i >= limit && !selected) return;
          var id = "sk-f-" + gi + "-" + i;
          var li = el("li", { className: "sk-facet__value" });
          var cb = el("input", { type: "checkbox", id: id, value: name, "data-key": key });
          cb.checked = selected;
          var lab = el("label", { for: id });
          lab.appendChild(el("span", { className: "sk-facet__name" }, name));
          lab.appendChild(el("span", { className: "sk-facet__count", "aria-label": fmt(values[name]) + " kết quả" }, fmt(values[name])));
          li.appendChild(cb);
          li.appendChild(lab);
          ul.appendChild(li);
        });
        fs.appendChild(ul);
        if (names.length > SHORT_LIST) {
          var tgl = el(
            "button",
            { type: "button", className: "sk-facet__toggle", "data-key": key, "aria-expanded": expanded[key] ? "true" : "false" },
            expanded[key] ? T.showLess : T.showAll(names.length - SHORT_LIST)
          );
          tgl.id = "sk-f-toggle-" + key;
          fs.appendChild(tgl);
        }
        groups.appendChild(fs);
      });
      clearBtn.hidden = active === 0;
      summary.textContent = active ? T.filters + " (" + active + ")" : T.filters;
      if (focusedId) {
        var again = document.getElementById(focusedId);
        if (again) again.focus();
      }
    }

    /* --------------------------------------------------------------- results */
    // current: {q, plan, run (a showcase-search.js run) | results (Pagefind's) and ranked}
    function nextItems(cur) {
      return cur.run ? cur.run.next(pageSize) : cur.ranked.next(pageSize);
    }

    function hasMore(cur) {
      return cur.run ? cur.run.hasMore() : cur.ranked.hasMore();
    }

    function showMore() {
      if (!current) return Promise.resolve();
      var cur = current;
      moreBtn.disabled = true;
      return nextItems(cur)
        .then(function (items) {
          if (cur !== current) return;
          var frag = document.createDocumentFragment();
          items.forEach(function (d) {
            frag.appendChild(api.renderResult(d, cur.q, cur.plan));
          });
          list.appendChild(frag);
          moreBtn.hidden = !hasMore(cur);
        })
        .catch(function (err) {
          if (cur !== current) return;
          status.textContent = T.error;
          if (window.console) console.error("showcase-facets:", err);
        })
        .then(function () {
          moreBtn.disabled = false;
        });
    }

    function searchOptions(except, unsorted) {
      var opts = { filters: pagefindFilters(state.filters, except) };
      var sort = unsorted ? "" : state.sort || (state.q ? "" : sortKey + "-desc");
      if (sort) {
        var i = sort.lastIndexOf("-");
        var o = {};
        o[sort.slice(0, i)] = sort.slice(i + 1);
        opts.sort = o;
      }
      return opts;
    }

    function noteButton(label) {
      var btn = el("button", { type: "button", className: "md-button sk-facets__note" }, label);
      btn.addEventListener("click", function () {
        run(true);
      });
      return btn;
    }

    function loadCounts(pf) {
      // pf.filters() loads every filter chunk; only then do searches count
      // the values of filters they do not mention.
      if (!allCounts) allCounts = Promise.resolve(pf.filters());
      return allCounts;
    }

    /**
     * A query of common words only, no filter, no sort: the first results come
     * from the precomputed lists; Pagefind runs in the background for the
     * facet counts and the exact total, and serves "Xem thêm" past the lists.
     */
    function runCommon(id, plan) {
      return api.run(state.q).then(function (r) {
        if (id !== seq) return;
        if (r.source !== "common") return runPagefind(id, plan);
        return r.next(pageSize).then(function (items) {
          if (id !== seq) return;
          current = { q: state.q, plan: r.plan, run: r };
          var cur = current;
          list.textContent = "";
          main.setAttribute("aria-busy", "false");
          status.textContent = api.statusText(r);
          var frag = document.createDocumentFragment();
          items.forEach(function (item) {
            frag.appendChild(api.renderResult(item, state.q, r.plan));
          });
          list.appendChild(frag);
          moreBtn.hidden = !r.hasMore();
          if (r.approximate) {
            groups.textContent = "";
            groups.appendChild(el("p", { className: "sk-facets__counting" }, T.counting));
            groups.setAttribute("aria-busy", "true");
          }
          // Counts (and the exact total) from Pagefind, in its worker; fetched
          // only once the answer from the lists has been painted.
          return afterPaint()
            .then(function () {
              return api.load();
            })
            .then(function (pf) {
              return loadCounts(pf).then(function () {
                return r.pagefind();
              });
            })
            .then(function (search) {
              if (cur !== current || id !== seq) return;
              groups.removeAttribute("aria-busy");
              renderGroups(search ? search.filters : {});
              status.textContent = api.statusText(r);
              moreBtn.hidden = !r.hasMore();
            });
        });
      });
    }

    /** Resolves after the next frame has been painted. */
    function afterPaint() {
      return new Promise(function (resolve) {
        if (window.requestAnimationFrame) {
          window.requestAnimationFrame(function () {
            setTimeout(resolve, 0);
          });
        } else {
          setTimeout(resolve, 0);
        }
      });
    }

    function runPagefind(id, plan) {
      return api
        .load()
        .then(function (pf) {
          return loadCounts(pf).then(function (all) {
            return { pf: pf, all: all };
          });
        })
        .then(function (ctx) {
          var pf = ctx.pf;
          var q = plan.pagefindQuery ? plan.pagefindQuery : null;
          var activeKeys = Object.keys(state.filters).filter(function (k) {
            return state.filters[k].length;
          });
          var hasFilters = activeKeys.length > 0;
          // Neither words nor filters: show the facets only. A search without
          // words makes Pagefind download its whole word index (8.5 MB at
          // 10,000 records), so it runs only once a filter is chosen.
          if (!q && !hasFilters) {
            return { all: ctx.all, res: [null], activeKeys: [], hasFilters: false, skipped: true };
          }
          // Counts for a facet with a selection come from a search without it,
          // so its other values show what choosing them as well would add.
          var jobs = [pf.search(q, searchOptions(null))];
          activeKeys.forEach(function (k) {
            jobs.push(pf.search(q, searchOptions(k, true)));
          });
          // Sorting by date leaves out pages without a date (units, people,
          // hand-written pages): list them after the dated ones.
          var undated = !!(state.sort || !q);
          if (undated) jobs.push(pf.search(q, searchOptions(null, true)));
          return Promise.all(jobs).then(function (res) {
            if (undated) {
              var all = res.pop();
              var sorted = res[0];
              var seen = new Set(
                sorted.results.map(function (r) {
                  return r.id;
                })
              );
              res[0] = {
                results: sorted.results.concat(
                  all.results.filter(function (r) {
                    return !seen.has(r.id);
                  })
                ),
                filters: all.filters
              };
            }
            return { all: ctx.all, res: res, activeKeys: activeKeys, hasFilters: hasFilters };
          });
        })
        .then(function (r) {
          if (id !== seq) return;
          var main0 = r.res[0];
          // A search with neither words nor filters counts nothing: use the totals.
          var counts = Object.assign({}, !state.q && !r.hasFilters ? r.all : main0 && main0.filters);
          r.activeKeys.forEach(function (k, i) {
            var s = r.res[i + 1];
            if (s && s.filters && s.filters[k]) counts[k] = s.filters[k];
          });
          groups.removeAttribute("aria-busy");
          renderGroups(counts);
          list.textContent = "";
          main.setAttribute("aria-busy", "false");
          moreBtn.hidden = true;
          if (r.skipped) {
            current = null;
            status.textContent = T.idle;
            return;
          }
          var results = main0 ? main0.results : [];
          // Ranked by relevance: exact-diacritic matches first, as in the header
          // (showcase-search.js, rankedResults). A chosen sort order stays as it is.
          var ranked = api.rankedResults(results, state.sort ? "" : plan.pagefindQuery);
          current = { q: state.q, plan: plan, results: results, ranked: ranked };
          var n = results.length;
          status.textContent = n ? (state.q || r.hasFilters ? T.results(n) : T.all(n)) : T.none;
          if (plan.dropped.length) {
            status.textContent += " · " + api.T.dropped(plan.dropped);
            note.appendChild(noteButton(T.keep));
          }
          return showMore();
        });
    }

    function run(force) {
      var id = ++seq;
      // "search with them too" holds for this query until it changes
      if (force) forcedQuery = state.q;
      force = force || (forcedQuery !== null && forcedQuery === state.q);
      writeState(state, keys);
      status.textContent = T.loading;
      main.setAttribute("aria-busy", "true");
      note.textContent = "";
      var hasFilters = Object.keys(state.filters).some(function (k) {
        return state.filters[k].length;
      });
      api
        .plan(state.q, force)
        .then(function (plan) {
          if (id !== seq) return;
          if (plan.source === "common" && !hasFilters && !state.sort) return runCommon(id, plan);
          return runPagefind(id, plan);
        })
        .catch(function (err) {
          allCounts = null;
          if (id !== seq) return;
          status.textContent = T.error;
          main.setAttribute("aria-busy", "false");
          if (window.console) console.error("showcase-facets:", err);
        });
    }

    /* ---------------------------------------------------------------- events */
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      clearTimeout(timer);
      state.q = input.value.trim();
      run();
    });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = input.value.trim();
        if (q === state.q) return;
        state.q = q;
        run();
      }, 250);
    });
    sortSel.addEventListener("change", function () {
      state.sort = sortSel.value;
      run();
    });
    groups.addEventListener("change", function (ev) {
      var cb = ev.target;
      if (!(cb instanceof HTMLInputElement) || cb.type !== "checkbox") return;
      var key = cb.getAttribute("data-key");
      var values = (state.filters[key] || []).filter(function (v) {
        return v !== cb.value;
      });
      if (cb.checked) values.push(cb.value);
      if (values.length) state.filters[key] = values;
      else delete state.filters[key];
      run();
    });
    groups.addEventListener("click", function (ev) {
      var btn = ev.target instanceof Element ? ev.target.closest(".sk-facet__toggle") : null;
      if (!btn) return;
      var key = btn.getAttribute("data-key");
      expanded[key] = !expanded[key];
      run();
    });
    clearBtn.addEventListener("click", function () {
      state.filters = {};
      run();
      input.focus();
    });
    moreBtn.addEventListener("click", function () {
      var first = list.querySelectorAll(".sk-result").length;
      showMore().then(function () {
        var links = list.querySelectorAll(".sk-result > a");
        if (links[first]) links[first].focus();
      });
    });

    run();
  }

  function init() {
    mount(document.getElementById("sk-search"));
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
