// GIVEN the committed generated inputs WHEN regenerated from their sources THEN they are identical
// (a stale file fails here: regenerate with the command in the file's header).
import * as fs from "fs";
import * as path from "path";
import { obotPreviewFiles } from "../../../lib/obot/render";
import { parseServersYaml } from "../../../lib/obot/servers-file";
import { librechatShimHelmValues } from "../../../stacks/k8s/librechat-workload";
import { BLUEPRINTS_DIR } from "./helpers";

test.each(["obot-aks", "obot-eks"])("%s/firewall-policies = vca obot policies obot/servers.yaml --namespace obot-mcp --default-deny", (dir) => {
  const file = path.join(BLUEPRINTS_DIR, "obot", "servers.yaml");
  const expected = obotPreviewFiles(parseServersYaml(fs.readFileSync(file, "utf8"), file), { namespace: "obot-mcp", defaultDenyAllEgress: true });
  const committedDir = path.join(BLUEPRINTS_DIR, dir, "firewall-policies");
  expect(fs.readdirSync(committedDir).sort()).toEqual([...expected.keys()].sort());
  for (const [name, content] of expected) expect(fs.readFileSync(path.join(committedDir, name), "utf8")).toBe(content);
});

test("librechat/values.yaml = the chart values the stacks give the shim", () => {
  expect(fs.readFileSync(path.join(BLUEPRINTS_DIR, "librechat", "values.yaml"), "utf8")).toBe(librechatShimHelmValues());
});
