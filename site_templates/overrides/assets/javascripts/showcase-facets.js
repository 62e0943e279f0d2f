/*
 * Showcase search page (/tra-cuu/): query box + facets.
 *
 * Runs on any page holding
 *
 *   <div id="sk-search" data-facets='[{"key": "kind", "label": "…"}, …]'></div>
 *
 * The facet declaration comes from generator/facets.py through the page template
 * (site_templates/pages/search.md.j2): this file keeps no list or label of its own.
 * Optional: data-page-size="20". Needs showcase-search-core.js and
 * showcase-search.js first.
 *
 * - Values inside one facet are alternatives (any of), facets combine (and).
 * - Counts next to each value: how many results that value would give with the
 *   other facets as they are.
 * - State lives in the address (?q=…&kind=…&year=…&sort=…, history.replaceState)
 *   so a view can be shared and is restored on load.
 * - Without words, filters are answered from the filter index
 *   (pagefind/showcase-index/facet/, generator/search_filters.py): the lists of the
 *   chosen values are fetched and intersected here, then the first results'
 *   metadata; Pagefind is not loaded at all. With neither words nor filters,
 *   only the facets (with their totals) are shown.
 * - With words, the word index answers (showcase-search.js, wordSearch), its
 *   results intersected with the chosen values; the counts then come from the
 *   lists of each facet's most frequent values, fetched after the results are
 *   shown. A quoted phrase goes to Pagefind (filters and counts included).
 * - Re-initialises after Material's instant navigation (document$).
 */
(function () {
  "use strict";

  var core = window.ShowcaseSearchCore;
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
    none: "Không tìm thấy kết quả",
    error: "Không tải được chỉ mục tìm kiếm. Vui lòng thử lại.",
    more: "Xem thêm kết quả",
    showAll: function (n) {
      return "Xem thêm " + n + " giá trị";
    },
    showLess: "Thu gọn",
    results: function (n) {
      return core.formatNumber(n) + " kết quả";
    },
    resultsAria: function (n) {
      return core.formatNumber(n) + " kết quả";
    }
  };
  var SHORT_LIST = 8;
  var SORT_KEY = "date";

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

  /* ------------------------------------------------------------------ page */

  function mount(root) {
    if (!root || root.getAttribute("data-sk-ready") === "true") return;
    var api = window.ShowcaseSearch;
    var facets = [];
    try {
      facets = JSON.parse(root.getAttribute("data-facets") || "[]");
    } catch (e) {
      facets = [];
    }
    if (!api || !core || !facets.length) {
      root.textContent = T.error;
      return;
    }
    root.setAttribute("data-sk-ready", "true");

    var keys = facets.map(function (f) {
      return f.key;
    });
    var pageSize = parseInt(root.getAttribute("data-page-size") || "20", 10) || 20;
    var index = api.index;

    var state = core.readState(location.search, keys);
    var expanded = {};
    var seq = 0;
    var timer = 0;
    var current = null;
    var allCounts = null;

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
      placeholder: T.placeholder
    });
    input.value = state.q;
    row.appendChild(input);
    var sortSel = el("select", { className: "sk-facets__sort", "aria-label": T.sort });
    [
      ["", T.relevance],
      [SORT_KEY + "-desc", T.newest],
      [SORT_KEY + "-asc", T.oldest]
    ].forEach(function (o) {
      sortSel.appendChild(el("option", { value: o[0] }, o[1]));
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

    /** counts: {key: {value name: count}}; a value without a count is not listed. */
    function renderGroups(counts) {
      var focusedId = document.activeElement && root.contains(document.activeElement) ? document.activeElement.id : null;
      groups.textContent = "";
      var active = 0;
      facets.forEach(function (facet, gi) {
        var key = facet.key;
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
          if (facet.newestFirst) return core.compareText(b, a);
          return values[b] - values[a] || core.compareText(a, b);
        });
        var fs = el("fieldset", { className: "sk-facet", "data-facet": key });
        fs.appendChild(el("legend", { className: "sk-facet__legend" }, facet.label));
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
          var count = el("span", { className: "sk-facet__count" }, core.formatNumber(values[name]));
          count.setAttribute("aria-label", T.resultsAria(values[name]));
          lab.appendChild(count);
          li.appendChild(cb);
          li.appendChild(lab);
          ul.appendChild(li);
        });
        fs.appendChild(ul);
        var hidden = facetHasMore(key)
          ? indexInfo.facets[key].n - Math.min(names.length, SHORT_LIST)
          : names.length - SHORT_LIST;
        if (hidden > 0 || expanded[key]) {
          var tgl = el(
            "button",
            { type: "button", className: "sk-facet__toggle", "data-key": key, "aria-expanded": expanded[key] ? "true" : "false" },
            expanded[key] ? T.showLess : T.showAll(hidden)
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

    var indexInfo = null; // showcase-index/index.json once loaded

    function facetHasMore(key) {
      var facet = indexInfo && indexInfo.facets[key];
      return !!(facet && facet.n > (index.values[key] || []).length);
    }

    /* --------------------------------------------------------------- results */
    // current: {q, plan, next(n) → Promise<items>, hasMore()}

    function showMore() {
      if (!current) return Promise.resolve();
      var cur = current;
      moreBtn.disabled = true;
      return cur
        .next(pageSize)
        .then(function (items) {
          if (cur !== current) return;
          var frag = document.createDocumentFragment();
          items.forEach(function (d) {
            frag.appendChild(api.renderResult(d, cur.q, cur.plan));
          });
          list.appendChild(frag);
          moreBtn.hidden = !cur.hasMore();
          markDone();
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

    /** For measuring: the first results of the current state are on screen. */
    function markDone() {
      if (root.getAttribute("data-sk-done") === String(seq)) return;
      root.setAttribute("data-sk-done", String(seq));
      if (window.performance && performance.mark) performance.mark("sk-results-" + seq);
    }

    function searchOptions(except, unsorted) {
      var opts = { filters: core.pagefindFilters(state.filters, except) };
      var sort = unsorted ? "" : state.sort || (state.q ? "" : SORT_KEY + "-desc");
      var o = core.sortOption(sort);
      if (o) opts.sort = o;
      return opts;
    }

    function loadCounts(pf) {
      // pf.filters() loads every filter chunk; only then do searches count
      // the values of filters they do not mention.
      if (!allCounts) allCounts = Promise.resolve(pf.filters());
      return allCounts;
    }

    function showResults(cur, items, text) {
      current = cur;
      list.textContent = "";
      main.setAttribute("aria-busy", "false");
      status.textContent = text;
      var frag = document.createDocumentFragment();
      items.forEach(function (item) {
        frag.appendChild(api.renderResult(item, cur.q, cur.plan));
      });
      list.appendChild(frag);
      moreBtn.hidden = !cur.hasMore();
      markDone();
    }

    /* -------------------------------------------- no words: the filter index */

    /** Facet totals as renderGroups wants them. */
    function totalCounts() {
      var out = {};
      keys.forEach(function (k) {
        out[k] = {};
        (index.values[k] || []).forEach(function (pair) {
          out[k][pair[0]] = pair[1];
        });
      });
      return out;
    }

    function totalsByNumber() {
      var out = {};
      keys.forEach(function (k) {
        out[k] = (index.values[k] || []).map(function (pair) {
          return pair[1];
        });
      });
      return out;
    }

    /**
     * Counts of every listed value with the other facets as chosen; fetches the
     * lists it needs for exact counts (the values shown first), then calls
     * `done(counts)` with {key: {name: count}}. Returns the counts known now.
     */
    function filterCounts(chosen, id, done, again) {
      var totals = totalsByNumber();
      var out = {};
      var need = [];
      keys.forEach(function (key) {
        var values = index.values[key] || [];
        var numbers = values.map(function (pair, i) {
          return i;
        });
        var res = core.facetCounts(indexInfo, key, numbers, chosen, index.lists, totals);
        out[key] = {};
        res.counts.forEach(function (n, v) {
          out[key][values[v][0]] = n;
        });
        // Exact counts for the likeliest of the rest: the largest upper bounds.
        var candidates = res.missing
          .filter(function (v) {
            return res.bounds.get(v);
          })
          .sort(function (a, b) {
            return res.bounds.get(b) - res.bounds.get(a) || a - b;
          })
          .slice(0, expanded[key] ? 200 : SHORT_LIST);
        candidates.forEach(function (v) {
          need.push([key, v]);
        });
      });
      if (need.length && !again) {
        groups.setAttribute("aria-busy", "true");
        Promise.all(
          need.map(function (kv) {
            return index.list(kv[0], kv[1]);
          })
        )
          .then(function () {
            if (id !== seq) return;
            done(filterCounts(chosen, id, null, true));
          })
          .catch(function (err) {
            if (window.console) console.error("showcase-facets:", err);
          });
      } else if (done) {
        done(out);
      }
      return out;
    }

    function runFilters(id) {
      return index.manifest().then(function (m) {
        indexInfo = m;
        var active = Object.keys(state.filters).some(function (k) {
          return state.filters[k].length;
        });
        if (!active) {
          // Neither words nor filters: the facets and their totals only.
          if (id !== seq) return;
          current = null;
          list.textContent = "";
          moreBtn.hidden = true;
          main.setAttribute("aria-busy", "false");
          status.textContent = T.idle;
          groups.removeAttribute("aria-busy");
          renderGroups(totalCounts());
          markDone();
          return;
        }
        var expandedKeys = keys.filter(function (k) {
          return expanded[k];
        });
        return Promise.all(
          [selectedNumbers()].concat(
            expandedKeys.map(function (k) {
              return index.allValues(k);
            })
          )
        ).then(function (got) {
          if (id !== seq) return;
          var selected = got[0];
          var set = restrict(null, selected, null, m.count);
          var total = core.countSet(set);
          var direction = (core.sortOption(state.sort) || {})[SORT_KEY] === "asc" ? "asc" : "desc";
          var cursor = 0;
          var cur = {
            q: "",
            plan: null,
            hasMore: function () {
              return cursor < total;
            },
            next: function (n) {
              var ordinals = core.pickOrdinals(set, m.count, m.dated, direction, cursor, n);
              cursor += ordinals.length;
              return index.rows(ordinals).then(function (rows) {
                return rows.map(api.fromRow);
              });
            }
          };
          return cur.next(pageSize).then(function (items) {
            if (id !== seq) return;
            showResults(cur, items, total ? T.results(total) : T.none);
            var counts = filterCounts(selected, id, function (exact) {
              if (id !== seq) return;
              groups.removeAttribute("aria-busy");
              renderGroups(exact);
            });
            renderGroups(counts);
          });
        });
      });
    }

    /* ------------------------------------------------ words: the word index */

    /** The chosen facet values as value numbers ({key: [numbers]}), their lists loaded. */
    function selectedNumbers() {
      var activeKeys = Object.keys(state.filters).filter(function (k) {
        return state.filters[k].length;
      });
      return Promise.all(
        activeKeys.map(function (k) {
          return index.numbers(k, state.filters[k]);
        })
      ).then(function (found) {
        var selected = {};
        var loads = [];
        activeKeys.forEach(function (k, i) {
          selected[k] = state.filters[k]
            .map(function (name) {
              return found[i][name];
            })
            .filter(function (n) {
              return n !== undefined;
            });
          // a chosen value the index does not know matches nothing
          if (selected[k].length < state.filters[k].length && !selected[k].length) selected[k] = [-1];
          selected[k].forEach(function (n) {
            if (n >= 0) loads.push(index.list(k, n));
          });
        });
        return Promise.all(loads).then(function () {
          return selected;
        });
      });
    }

    /** Documents matching `selected` within `within` (a bitset; null = all). */
    function restrict(within, selected, except, count) {
      var unknown = Object.keys(selected).some(function (k) {
        return k !== except && selected[k].indexOf(-1) >= 0;
      });
      if (unknown) return core.emptySet(count);
      var set = core.matchSet(selected, index.lists, except);
      if (!set) return within;
      return within ? core.andSets(within, set) : set;
    }

    /**
     * Counts with words: for each facet, how many of the text's results each of
     * its most frequent values (and the chosen ones) would leave, with the other
     * facets as chosen. Fetches those values' lists (after the results are shown).
     */
    function textCounts(id, textSet, selected, count) {
      var wanted = [];
      keys.forEach(function (key) {
        var values = index.values[key] || [];
        var limit = expanded[key] ? values.length : SHORT_LIST;
        values.forEach(function (pair, n) {
          var chosen = (selected[key] || []).indexOf(n) >= 0;
          if (n < limit || chosen) wanted.push([key, n]);
        });
      });
      groups.setAttribute("aria-busy", "true");
      return Promise.all(
        wanted.map(function (kv) {
          return index.list(kv[0], kv[1]);
        })
      ).then(function () {
        if (id !== seq) return;
        var out = {};
        keys.forEach(function (key) {
          out[key] = {};
          var within = restrict(textSet, selected, key, count);
          wanted.forEach(function (kv) {
            if (kv[0] !== key) return;
            var list = index.lists[key + "/" + kv[1]];
            out[key][index.values[key][kv[1]][0]] = core.countSet(core.andSets(within, list.set));
          });
        });
        groups.removeAttribute("aria-busy");
        renderGroups(out);
      });
    }

    function runWords(id, plan) {
      return Promise.all([index.manifest(), api.wordSearch(plan), selectedNumbers()]).then(function (got) {
        if (id !== seq) return;
        indexInfo = got[0];
        var count = got[0].count;
        var found = got[1];
        var selected = got[2];
        var textSet = core.setOf(found.ordinals, count);
        var chosen = restrict(null, selected, null, count);
        var ordinals = chosen
          ? found.ordinals.filter(function (o) {
              return core.hasOrdinal(chosen, o);
            })
          : found.ordinals;
        var direction = (core.sortOption(state.sort) || {})[SORT_KEY];
        if (direction) {
          var dated = got[0].dated;
          ordinals = ordinals.slice().sort(function (a, b) {
            var da = a < dated ? 0 : 1;
            var db = b < dated ? 0 : 1;
            if (da !== db) return da - db;
            return direction === "asc" && !da ? b - a : a - b;
          });
        }
        var cur = api.pagedRows(ordinals);
        cur.q = state.q;
        cur.plan = plan;
        return cur.next(pageSize).then(function (items) {
          if (id !== seq) return;
          showResults(cur, items, ordinals.length ? T.results(ordinals.length) : T.none);
          return textCounts(id, textSet, selected, count);
        });
      });
    }

    /* ------------------------------------------- quoted phrases: Pagefind */

    function runPagefind(id, plan) {
      return api
        .load()
        .then(function (pf) {
          var q = plan.pagefindQuery;
          var activeKeys = Object.keys(state.filters).filter(function (k) {
            return state.filters[k].length;
          });
          // Searches count the values of the filters they do not mention only once
          // every filter chunk is loaded (loadCounts).
          return loadCounts(pf).then(function () {
            return { pf: pf, q: q, activeKeys: activeKeys };
          });
        })
        .then(function (ctx) {
          var pf = ctx.pf;
          var q = ctx.q;
          var activeKeys = ctx.activeKeys;
          // Counts for a facet with a selection come from a search without it,
          // so its other values show what choosing them as well would add.
          var jobs = [pf.search(q, searchOptions(null))];
          activeKeys.forEach(function (k) {
            jobs.push(pf.search(q, searchOptions(k, true)));
          });
          // Sorting by date leaves out pages without a date (units, people,
          // hand-written pages): list them after the dated ones.
          var undated = !!state.sort;
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
            return { res: res, activeKeys: activeKeys };
          });
        })
        .then(function (r) {
          if (id !== seq) return;
          var main0 = r.res[0];
          var counts = Object.assign({}, main0 && main0.filters);
          r.activeKeys.forEach(function (k, i) {
            var s = r.res[i + 1];
            if (s && s.filters && s.filters[k]) counts[k] = s.filters[k];
          });
          groups.removeAttribute("aria-busy");
          renderGroups(counts);
          var results = main0 ? main0.results : [];
          // Ranked by relevance: as in the header (showcase-search.js,
          // rankedResults). A chosen sort order stays as it is.
          var ranked = api.rankedResults(results, state.sort ? "" : plan.pagefindQuery);
          var n = results.length;
          var text = n ? T.results(n) : T.none;
          var cur = {
            q: state.q,
            plan: plan,
            hasMore: ranked.hasMore,
            next: function (size) {
              return ranked.next(size);
            }
          };
          return cur.next(pageSize).then(function (items) {
            if (id !== seq) return;
            showResults(cur, items, text);
          });
        });
    }

    function run() {
      var id = ++seq;
      var qs = core.writeState(state, keys, location.search);
      var url = location.pathname + qs + location.hash;
      if (url !== location.pathname + location.search + location.hash) {
        history.replaceState(history.state, "", url);
      }
      status.textContent = T.loading;
      main.setAttribute("aria-busy", "true");
      note.textContent = "";
      var plan = core.makePlan(state.q);
      var job;
      if (!state.q) job = runFilters(id);
      else if (plan.source === "pagefind") job = runPagefind(id, plan);
      else job = runWords(id, plan);
      job.catch(function (err) {
        allCounts = null;
        if (id !== seq) return;
        status.textContent = T.error;
        main.setAttribute("aria-busy", "false");
        groups.removeAttribute("aria-busy");
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
