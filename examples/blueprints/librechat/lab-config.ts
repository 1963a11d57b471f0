// The LibreChat lab inputs shared by vca-librechat-eks / -aks / -gke: librechat.yaml and the
// secret env names that enable its built-in endpoints (values come from TF_VAR_librechat_*).
import * as fs from "fs";
import * as path from "path";
import type { LibreChatWorkloadProps } from "../../../stacks/k8s/k8s-vca-props";

/** Source dir: the .ts/.js file sits next to the YAML in source, under dist/ when built. */
function labFile(name: string): string {
  const here = path.join(__dirname, name);
  return fs.existsSync(here) ? here : path.join(__dirname, "..", "..", "..", "..", "examples", "blueprints", "librechat", name);
}

export const LAB_LIBRECHAT: LibreChatWorkloadProps = {
  config: fs.readFileSync(labFile("librechat.yaml"), "utf8"),
  configName: "librechat.yaml",
  secretEnvNames: ["ANTHROPIC_API_KEY", "GITHUB_MCP_TOKEN", "MISTRAL_API_KEY", "OPENAI_API_KEY"],
};
