// Unit tests of the preview page script's reload decision (generator/preview.js), run by
// `node --test tests/js/`.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const { pageRebuilt } = require(path.join(__dirname, "..", "..", "generator", "preview.js"));

const PAGE = "/sang-kien/may-cat/";

test("a page reloads when a later build rebuilt it, not for builds of other pages", () => {
  const history = [
    { build: 4, pages: null },
    { build: 5, pages: [PAGE] },
    { build: 6, pages: ["/", "/sang-kien/"] }
  ];
  assert.equal(pageRebuilt(history, 4, PAGE), true, "its own page first");
  assert.equal(pageRebuilt(history, 5, PAGE), false, "then the rest of the site");
  assert.equal(pageRebuilt(history, 5, "/sang-kien/"), true);
  assert.equal(pageRebuilt(history, 6, "/"), false, "nothing new");
});

test("a build of every page (null) reloads every page", () => {
  assert.equal(pageRebuilt([{ build: 2, pages: null }], 1, PAGE), true);
});

test("a page that missed builds the status no longer lists reloads", () => {
  const history = [{ build: 30, pages: ["/khac/"] }];
  assert.equal(pageRebuilt(history, 10, PAGE), true);
  assert.equal(pageRebuilt([], 10, PAGE), true, "no history at all");
  assert.equal(pageRebuilt(undefined, 10, PAGE), true);
  assert.equal(pageRebuilt(history, 29, PAGE), false, "only the next build is listed");
});
