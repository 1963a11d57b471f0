// README "Chart versions" prints the published-versions table (lib/constructs/kubernetes/published-charts.ts):
// a stale README fails here. Refresh: UPDATE_README_CHARTS=1 npx jest test/repo/readme-chart-versions
import * as fs from "fs";
import * as path from "path";
import { newestPublishedVersion, PUBLISHED_CHARTS } from "../../lib/constructs/kubernetes/published-charts";

const README = path.join(__dirname, "../../README.md");
const START = "<!-- chart-versions:start -->";
const END = "<!-- chart-versions:end -->";

function table(): string {
  const rows = Object.values(PUBLISHED_CHARTS).map(
    (c) => `| \`${c.name}\` | ${c.repository} | ${c.versions.join(", ")} | ${newestPublishedVersion(c.name)} | ${c.source} |`,
  );
  return ["| Chart | Repository | Published versions | Default | Source |", "|---|---|---|---|---|", ...rows].join("\n");
}

test("GIVEN the published-versions table WHEN README is read THEN its Chart versions section shows the same rows", () => {
  const text = fs.readFileSync(README, "utf8");
  const [head, rest] = text.split(START);
  const tail = rest.split(END)[1];
  const expected = `${head}${START}\n${table()}\n${END}${tail}`;
  if (process.env.UPDATE_README_CHARTS === "1") fs.writeFileSync(README, expected);
  expect(text).toBe(expected);
});
