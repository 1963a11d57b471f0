// vca-librechat-aks: Secure Enterprise Chat on a new AKS cluster in a new spoke VNet (lab values).
import { blueprintMode } from "../policy-mode";
import type { App } from "../../../lib/core/cdktf";
import { AksVcaStack } from "../../../stacks/aks-vca-stack";
import { LAB_LIBRECHAT } from "../librechat/lab-config";

export function addLibreChatAks(app: App): AksVcaStack {
  return new AksVcaStack(app, "vca-librechat-aks", {
    controllerVersion: "9.0",
    accountName: "azure-lab",
    location: "westeurope",
    namePrefix: "librechat-aks",
    mode: blueprintMode(app),
    newNetwork: { cidr: "10.30.0.0/16" },
    newCluster: {},
    librechat: LAB_LIBRECHAT,
  });
}
