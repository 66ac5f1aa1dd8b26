// The browser's time rules (docs/assets/time-rules.js) against the cases
// the Python build must also pass (tests/time_rules_cases.json, read by
// tests/unit/test_time_rules.py): run with `npm test` or `node --test tests/`.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const fs = require("node:fs");
const rules = require(path.join(__dirname, "..", "docs", "assets", "time-rules.js"));
const cases = JSON.parse(fs.readFileSync(path.join(__dirname, "time_rules_cases.json"), "utf8"));

for (const c of cases.sessions_at) {
  test(`sessionState: ${c.name}`, () => {
    assert.deepEqual(rules.sessionState(c.sessions, c.now, c.timezone), { state: c.state, next: c.next });
  });
}

for (const c of cases.sessions_on) {
  test(`dayState: ${c.name}`, () => {
    assert.deepEqual(rules.dayState(c.sessions, c.day, c.timezone), { state: c.state, next: c.next });
  });
}

for (const c of cases.site) {
  test(`siteState: ${c.name}`, () => {
    assert.deepEqual(rules.siteState(c.schedule, c.now, c.timezone), { state: c.state, time: c.time, next_day: c.next_day, next_time: c.next_time });
  });
}

for (const c of cases.stock_age) {
  test(`stockAge: ${c.seconds} s`, () => {
    assert.deepEqual(rules.stockAge(c.seconds), { value: c.value, unit: c.unit });
  });
}

for (const c of cases.countdown) {
  test(`countdown from ${c.today}`, () => {
    assert.deepEqual(rules.countdown(c.today, c.month, c.day), { days: c.days, year: c.year });
  });
}

test("a reader in Los Angeles does not share a Shanghai site's wall clock; one in Shanghai does", () => {
  const now = Date.parse("2026-06-08T16:30:00Z");
  assert.equal(rules.sameWallClock(now, "Asia/Shanghai", "America/Los_Angeles"), false);
  assert.equal(rules.sameWallClock(now, "Asia/Shanghai", "Asia/Shanghai"), true);
});

test("the table has cases of every rule", () => {
  for (const key of ["sessions_at", "sessions_on", "site", "stock_age", "countdown"]) assert.ok(cases[key].length > 0, key);
});
