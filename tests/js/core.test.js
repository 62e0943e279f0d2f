// Unit tests of the pure search helpers (showcase-search-core.js), run by
// `node --test tests/js/` (Node's built-in runner; ./run test runs them).
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const core = require(path.join(
  __dirname,
  "..",
  "..",
  "site_templates",
  "overrides",
  "assets",
  "javascripts",
  "showcase-search-core.js"
));
const foldCases = require("./fold-cases.json").cases;
const idsCases = require("./ids-cases.json").cases;

/* ------------------------------------------------------------ words */

test("fold and tokens agree with Python on the shared cases (fold-cases.json)", () => {
  assert.ok(foldCases.length >= 10);
  for (const c of foldCases) {
    assert.equal(core.fold(c.text), c.folded, c.text);
    assert.deepEqual(
      core.tokens(c.text).map((t) => t.folded),
      c.words,
      c.text
    );
  }
});

test("tokens keep the exact NFC lower-case word beside the folded one", () => {
  const nfd = "Đổi mới".normalize("NFD");
  assert.deepEqual(core.tokens(nfd), [
    { exact: "đổi", folded: "doi" },
    { exact: "mới", folded: "moi" }
  ]);
  assert.deepEqual(core.tokens("  ,;  "), []);
});

test("prefixMatcher matches words beginning with a query word, folded", () => {
  const m = core.prefixMatcher("doi ng");
  assert.equal(m("doi"), true);
  assert.equal(m("nguyen"), true);
  assert.equal(m("moi"), false);
});

/* ------------------------------------------------------------ ranking */

test("exactRule: words typed with diacritics match only themselves", () => {
  const rule = core.exactRule(core.tokens("Nẵng"));
  assert.equal(rule("Liên đoàn Lao động thành phố Đà Nẵng"), true);
  assert.equal(rule("Cân pha tiết kiệm điện năng"), false);
  assert.equal(core.exactRule(core.tokens("nang")), null, "no diacritics: no rule");
  const mixed = core.exactRule(core.tokens("Đà nang"));
  assert.equal(mixed("đà năng"), true);
  assert.equal(mixed("đã nẵng"), false);
});

test("titleTier: phrase with the same diacritics, phrase folded, all words, missing words", () => {
  const q = core.tokens("Thanh Hóa");
  assert.equal(core.titleTier("Liên đoàn Lao động tỉnh Thanh Hóa", q), 0);
  assert.equal(core.titleTier("Liên đoàn Lao động tỉnh Thanh Hoá", q), 1);
  assert.equal(core.titleTier("Hóa chất Thanh Bình", q), 2);
  assert.equal(core.titleTier("Liên đoàn Lao động huyện Hoằng Hóa", q), 3);
  assert.equal(core.titleTier("Bệnh viện Đa khoa", q), 4);
});

/** Titles ranked by rankKeyFunction(query), as rankedResults orders Pagefind's top. */
function rank(query, titles) {
  const key = core.rankKeyFunction(query);
  const order = core.stableOrder(titles.map((t) => key(t, "")));
  return order.map((i) => titles[i]);
}

test('"thanh hoa" puts titles with Thanh Hóa before Hoằng Hóa (issue 12)', () => {
  const pagefindOrder = [
    "Liên đoàn Lao động huyện Hoằng Hóa",
    "Sổ tay điện tử cho công đoàn cơ sở",
    "Liên đoàn Lao động tỉnh Thanh Hóa",
    "Giấy khen của Công đoàn ngành Y tế Thanh Hóa năm 2022"
  ];
  const ranked = rank("thanh hoa", pagefindOrder);
  assert.deepEqual(ranked.slice(0, 2), [
    "Liên đoàn Lao động tỉnh Thanh Hóa",
    "Giấy khen của Công đoàn ngành Y tế Thanh Hóa năm 2022"
  ]);
  assert.equal(ranked[2], "Liên đoàn Lao động huyện Hoằng Hóa");
});

test('"chuyen doi so" puts both "Chuyển đổi số…" titles first', () => {
  const ranked = rank("chuyen doi so", [
    "Số hoá hồ sơ đoàn viên bằng phần mềm dùng chung",
    "Chuyển đổi số quản lý thiết bị thực hành bằng mã QR",
    "Đổi mới quy trình tiếp nhận hồ sơ",
    "Chuyển đổi số công tác nắm tình hình đoàn viên"
  ]);
  assert.deepEqual(ranked.slice(0, 2), [
    "Chuyển đổi số quản lý thiết bị thực hành bằng mã QR",
    "Chuyển đổi số công tác nắm tình hình đoàn viên"
  ]);
});

test("exact diacritics come before a better title match that only folds alike", () => {
  const key = core.rankKeyFunction("Nẵng");
  const a = key("Cân pha tiết kiệm điện năng", "điện năng");
  const b = key("Lắp điện mặt trời", "nhà xưởng tại Đà Nẵng");
  assert.ok(core.compareKeys(b, a) < 0);
});

test("stableOrder keeps the incoming order among equal keys", () => {
  assert.deepEqual(core.stableOrder([[1, 2], [0, 3], [1, 2], [0, 3]]), [1, 3, 0, 2]);
});

/* ------------------------------------------------------ query planning */

test("makePlan: words for the word index, the last one a prefix while typing; quotes for Pagefind", () => {
  const p = core.makePlan("Đổi mới quy".normalize("NFD"));
  assert.equal(p.source, "words");
  assert.equal(p.query, "Đổi mới quy");
  assert.deepEqual(
    p.terms.map((t) => [t.exact, t.folded, t.marked, t.prefix]),
    [
      ["đổi", "doi", true, false],
      ["mới", "moi", true, false],
      ["quy", "quy", false, true]
    ]
  );
  assert.equal(core.makePlan("doi moi ").terms[1].prefix, false, "a space ends the word");
  const quoted = core.makePlan('"sáng kiến"');
  assert.equal(quoted.source, "pagefind");
  assert.equal(quoted.pagefindQuery, '"sáng kiến"');
});

test("termWords: the word itself, or a prefix's most frequent words", () => {
  const vocab = [
    ["sang", 900, 3, 1],
    ["sanh", 40, "sánh", 0],
    ["san", 30, "sản", 1],
    ["sach", 20, "sạch", 0]
  ];
  const whole = core.termWords({ folded: "san", prefix: false }, vocab);
  assert.deepEqual(whole, [{ word: "san", n: 30, forms: "sản", pairs: true }]);
  const prefix = core.termWords({ folded: "san", prefix: true }, vocab);
  assert.deepEqual(
    prefix.map((w) => w.word),
    ["san", "sang", "sanh"]
  );
  assert.equal(prefix[2].pairs, false);
  assert.deepEqual(core.termWords({ folded: "xyz", prefix: true }, vocab), []);
  assert.equal(core.vocabPrefix("sang"), "sa");
  assert.equal(core.vocabPrefix("a"), "a");
  // a one-letter last word is a word, not the beginning of every word with that letter
  assert.equal(core.makePlan("sáng k").terms[1].prefix, false);
});

/** Word-file ids of a list of ordinals (the delta form of encode_ids). */
function ids(ordinals) {
  const d = [];
  let prev = -1;
  for (const o of ordinals) {
    d.push(o - prev - 1);
    prev = o;
  }
  return { d };
}

test("searchWords: every term needed; title, names, text weigh 10, 3, 1; newest first on ties", () => {
  const count = 6;
  const terms = core.makePlan("thanh hoa ").terms;
  terms[0].words = [{ word: "thanh", n: 4, forms: 2, file: { t: ids([3]), m: ids([1]), x: ids([0, 1, 2, 5]) } }];
  terms[1].words = [{ word: "hoa", n: 5, forms: 3, file: { t: ids([3, 4]), x: ids([0, 1, 2, 5]) } }];
  const found = core.searchWords(terms, count);
  assert.equal(found.total, 5);
  assert.equal(found.exact, null, "no diacritics typed: no exactness");
  // 3: both in the title; 1: a name and the text; then 0, 2, 5 text only, newest first
  assert.deepEqual(found.ordinals, [3, 1, 0, 2, 5]);
});

test("searchWords: the query as a phrase in a title first, then every word in the title", () => {
  const count = 4;
  // 0: "Hóa chất Thanh Bình" (both words in the title, apart), newest
  // 1: "LĐLĐ huyện Hoằng Hóa" (only "hoa" in the title, "thanh" in the text)
  // 2: "LĐLĐ tỉnh Thanh Hóa" (the phrase)
  const terms = core.makePlan("thanh hoa ").terms;
  terms[0].words = [
    { word: "thanh", n: 3, forms: "thanh", file: { t: ids([0, 2]), x: ids([1]) }, pairFile: { hoa: ids([2]), binh: ids([0]) } }
  ];
  terms[1].words = [{ word: "hoa", n: 3, forms: 2, file: { t: ids([0, 1, 2]) } }];
  const found = core.searchWords(terms, count);
  assert.deepEqual(found.ordinals, [2, 0, 1]);
});

test("searchWords: a word typed with diacritics puts its own written form first", () => {
  const count = 4;
  const terms = core.makePlan("Nẵng ").terms;
  terms[0].words = [
    {
      word: "nang",
      n: 4,
      forms: 2,
      file: { t: ids([0]), x: ids([1, 2, 3]) },
      formFile: { "năng": ids([0, 1]), "nẵng": ids([2, 3]) }
    }
  ];
  const found = core.searchWords(terms, count);
  assert.deepEqual([...found.exact].sort(), [2, 3]);
  assert.deepEqual(found.ordinals, [2, 3, 0, 1], "exact first, then by score");
  // a word written one way only: all its documents are exact, or none
  const one = core.makePlan("Điện ").terms;
  one[0].words = [{ word: "dien", n: 2, forms: "điện", file: { x: ids([1, 3]) } }];
  assert.deepEqual([...core.searchWords(one, count).exact], [1, 3]);
  const none = core.makePlan("Diễn ").terms;
  none[0].words = [{ word: "dien", n: 2, forms: "điện", file: { x: ids([1, 3]) } }];
  const res = core.searchWords(none, count);
  assert.equal(res.exact.size, 0);
  assert.deepEqual(res.ordinals, [1, 3], "still found, after exact ones (there are none)");
});

test("searchWords: a prefix term matches any of its words; an unknown word matches nothing", () => {
  const count = 5;
  const terms = core.makePlan("sáng ki").terms;
  terms[0].words = [{ word: "sang", n: 3, forms: "sáng", file: { x: ids([0, 1, 4]) } }];
  terms[1].words = [
    { word: "kien", n: 2, forms: "kiến", file: { x: ids([1, 2]) } },
    { word: "kinh", n: 1, forms: "kinh", file: { t: ids([4]) } }
  ];
  const found = core.searchWords(terms, count);
  assert.deepEqual(found.ordinals.slice().sort(), [1, 4]);
  assert.deepEqual([...found.exact].sort(), [1, 4], "“ki” is a prefix of both written forms");
  const unknown = core.makePlan("sáng xyz ").terms;
  unknown[0].words = terms[0].words;
  unknown[1].words = [];
  assert.equal(core.searchWords(unknown, count).total, 0);
  assert.equal(core.searchWords([], count).total, 0);
  assert.deepEqual([...core.setOf([1, 4], count)].length, 1);
  assert.ok(core.hasOrdinal(core.setOf([1, 4], count), 4));
});

/* --------------------------------------------------- state in the address */

test("readState / writeState round-trip and keep foreign parameters", () => {
  const keys = ["kind", "year", "field"];
  const state = core.readState("?q=doi+moi&year=2022&year=2021&field=&utm=x&sort=date-desc", keys);
  assert.deepEqual(state, { q: "doi moi", filters: { year: ["2022", "2021"] }, sort: "date-desc" });
  state.filters.field = ["Chuyển đổi số"];
  const qs = core.writeState(state, keys, "?utm=x&year=1999");
  const again = core.readState(qs, keys);
  assert.deepEqual(again.filters, { year: ["2022", "2021"], field: ["Chuyển đổi số"] });
  assert.ok(qs.includes("utm=x"));
  assert.equal(core.writeState({ q: "", filters: {}, sort: "" }, keys, ""), "");
});

test("pagefindFilters and sortOption", () => {
  assert.deepEqual(core.pagefindFilters({ year: ["2022"], kind: [], field: ["A", "B"] }, "field"), {
    year: { any: ["2022"] }
  });
  assert.deepEqual(core.sortOption("date-asc"), { date: "asc" });
  assert.equal(core.sortOption(""), null);
});

/* ----------------------------------------------------- the filter index */

function ordinalsOf(set, count) {
  const out = [];
  for (let o = 0; o < count; o++) if (core.hasOrdinal(set, o)) out.push(o);
  return out;
}

test("decodeIds reads what generator.search_filters.encode_ids wrote (ids-cases.json)", () => {
  assert.ok(idsCases.some((c) => "b" in c.ids) && idsCases.some((c) => "d" in c.ids));
  for (const c of idsCases) {
    const set = core.decodeIds(c.ids, c.count);
    assert.deepEqual(ordinalsOf(set, c.count), c.ordinals, JSON.stringify(c.ids));
    assert.equal(core.countSet(set), c.ordinals.length);
  }
});

test("set operations and fullSet", () => {
  const n = 70;
  const a = core.decodeIds({ d: [0, -9] }, n); // 0..9
  const b = core.decodeIds({ d: [5, -9, 49] }, n); // 5..14, 64
  assert.deepEqual(ordinalsOf(core.andSets(a, b), n), [5, 6, 7, 8, 9]);
  assert.equal(core.countSet(core.orSets(a, b)), 16);
  assert.equal(core.countSet(core.fullSet(n)), n);
  assert.equal(core.countSet(core.fullSet(64)), 64);
});

test("pickOrdinals: newest first, oldest first, undated last, paging", () => {
  const count = 10;
  const dated = 6; // ordinals 0-5 dated (newest first), 6-9 undated
  const set = core.decodeIds({ d: [1, 1, 1, 1, 1] }, count); // 1, 3, 5, 7, 9
  assert.deepEqual(core.pickOrdinals(set, count, dated, "desc", 0, 10), [1, 3, 5, 7, 9]);
  assert.deepEqual(core.pickOrdinals(set, count, dated, "asc", 0, 10), [5, 3, 1, 7, 9]);
  assert.deepEqual(core.pickOrdinals(set, count, dated, "desc", 2, 2), [5, 7]);
});

/** A small filter index: 8 documents, facets year and field. */
function filterFixture() {
  const count = 8;
  // ordinal: year, field
  const docs = [
    ["2022", "A"],
    ["2022", "B"],
    ["2022", "A"],
    ["2021", "A"],
    ["2021", "B"],
    ["2021", "C"],
    ["2020", "A"],
    ["2020", null]
  ];
  const index = {
    count,
    dated: 8,
    chunk: 8,
    facets: {
      year: { n: 3, multi: false, values: [["2022", 3], ["2021", 3], ["2020", 2]] },
      field: { n: 3, multi: false, values: [["A", 4], ["B", 2], ["C", 1]] }
    }
  };
  const lists = {};
  const numbers = { year: ["2022", "2021", "2020"], field: ["A", "B", "C"] };
  for (const key of ["year", "field"]) {
    numbers[key].forEach((value, v) => {
      const set = core.emptySet(count);
      const co = {};
      const other = key === "year" ? "field" : "year";
      const counter = new Map();
      docs.forEach((d, o) => {
        const mine = key === "year" ? d[0] : d[1];
        const theirs = key === "year" ? d[1] : d[0];
        if (mine !== value) return;
        set[o >>> 5] |= 1 << (o & 31);
        if (theirs !== null) {
          const j = numbers[other].indexOf(theirs);
          counter.set(j, (counter.get(j) || 0) + 1);
        }
      });
      co[other] = [...counter.entries()].sort((a, b) => a[0] - b[0]);
      lists[key + "/" + v] = { n: core.countSet(set), set, co };
    });
  }
  const totals = { year: [3, 3, 2], field: [4, 2, 1] };
  return { index, lists, totals };
}

test("matchSet: any of within a facet, all of across facets; null without a choice", () => {
  const { lists } = filterFixture();
  assert.equal(core.matchSet({}, lists, null), null);
  const set = core.matchSet({ year: [0, 1], field: [0] }, lists, null);
  assert.deepEqual(ordinalsOf(set, 8), [0, 2, 3]);
  assert.equal(core.matchSet({ year: [0] }, lists, "year"), null);
  assert.equal(core.matchSet({ year: [9] }, lists, null), undefined, "a list not loaded");
});

test("facetCounts: totals, one facet from co-occurrence, two facets by intersection", () => {
  const { index, lists, totals } = filterFixture();
  let res = core.facetCounts(index, "field", [0, 1, 2], {}, lists, totals);
  assert.deepEqual([...res.counts], [[0, 4], [1, 2], [2, 1]]);

  // year 2022 chosen: field counts from its co-occurrence list alone
  res = core.facetCounts(index, "field", [0, 1, 2], { year: [0] }, {
    "year/0": lists["year/0"]
  }, totals);
  assert.deepEqual([...res.counts], [[0, 2], [1, 1], [2, 0]]);
  assert.deepEqual(res.missing, []);

  // the chosen facet's own counts ignore its own choice
  res = core.facetCounts(index, "year", [0, 1, 2], { year: [0] }, lists, totals);
  assert.deepEqual([...res.counts], [[0, 3], [1, 3], [2, 2]]);

  // year 2022 or 2021, and field A: exact counts of field need intersections
  const selected = { year: [0, 1], field: [0] };
  res = core.facetCounts(index, "year", [0, 1, 2], selected, lists, totals);
  assert.deepEqual([...res.counts], [[0, 2], [1, 1], [2, 1]], "one other facet: co-occurrence");
  const some = { "year/0": lists["year/0"], "year/1": lists["year/1"], "field/0": lists["field/0"] };
  res = core.facetCounts(index, "field", [0, 1, 2], selected, some, totals);
  // with the year lists loaded, field counts come from co-occurrence sums (one other facet)
  assert.deepEqual([...res.counts], [[0, 3], [1, 2], [2, 1]]);
});

test("facetCounts with two other facets: bounds first, exact once the value's list is in", () => {
  // a third facet, "kind", equal to the year here, to have two other facets
  const { index, lists, totals } = filterFixture();
  index.facets.kind = { n: 3, multi: false, values: index.facets.year.values };
  const kindLists = {};
  for (const v of [0, 1, 2]) {
    const l = lists["year/" + v];
    kindLists["kind/" + v] = { n: l.n, set: l.set, co: { field: l.co.field, year: [[v, l.n]] } };
  }
  // year/… lists also co-occur with kind
  for (const v of [0, 1, 2]) lists["year/" + v].co.kind = [[v, lists["year/" + v].n]];
  const all = Object.assign({}, lists, kindLists);
  const selected = { year: [0], kind: [0] };
  const partial = { "year/0": all["year/0"], "kind/0": all["kind/0"] };
  let res = core.facetCounts(index, "field", [0, 1, 2], selected, partial, totals);
  assert.deepEqual(res.missing.sort(), [0, 1]);
  assert.equal(res.bounds.get(0), 2);
  assert.deepEqual([...res.counts], [[2, 0]], "a bound of 0 is exact");
  res = core.facetCounts(index, "field", [0, 1, 2], selected, all, totals);
  assert.deepEqual([...res.counts].sort(), [[0, 2], [1, 1], [2, 0]]);
  assert.deepEqual(res.missing, []);
});
