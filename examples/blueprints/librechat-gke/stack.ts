// vca-librechat-gke: Secure Enterprise Chat on a new private GKE cluster in a new spoke network (lab values).
import { blueprintMode } from "../policy-mode";
import type { App } from "../../../lib/core/cdktf";
import { GkeVcaStack } from "../../../stacks/gke-vca-stack";
import { LAB_LIBRECHAT } from "../librechat/lab-config";

export function addLibreChatGke(app: App): GkeVcaStack {
  return new GkeVcaStack(app, "vca-librechat-gke", {
    controllerVersion: "9.0",
    accountName: "gcp-lab",
    projectId: "vca-lab-project",
    zone: "us-central1-a",
    namePrefix: "librechat-gke",
    mode: blueprintMode(app),
    newNetwork: { cidr: "10.40.0.0/16" },
    newCluster: {},
    librechat: LAB_LIBRECHAT,
  });
}
