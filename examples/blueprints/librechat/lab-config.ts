// The LibreChat lab inputs of vca-librechat-eks / -aks / -gke, read from the example config
// (examples/blueprints/vca.config.example.yaml: librechat.yaml and the secret env names that
// enable its built-in endpoints; values come from TF_VAR_librechat_*). For tests and typed users.
import type { LibreChatWorkloadProps } from "../../../stacks/k8s/k8s-vca-props";
import { readVcaConfig } from "../../../lib/config/vca-config";
import { exampleConfigFile } from "../config/config-source";
import { libreChatWorkload } from "../config/stack-props";

export const LAB_LIBRECHAT: LibreChatWorkloadProps = libreChatWorkload(readVcaConfig(exampleConfigFile()), "vca-librechat-eks")!;
