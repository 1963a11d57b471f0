// vca-librechat-eks: Secure Enterprise Chat on a new EKS cluster in a new spoke VPC (lab values).
import { blueprintMode } from "../policy-mode";
import type { App } from "../../../lib/core/cdktf";
import { EksVcaStack } from "../../../stacks/eks-vca-stack";
import { LAB_LIBRECHAT } from "../librechat/lab-config";

export function addLibreChatEks(app: App): EksVcaStack {
  return new EksVcaStack(app, "vca-librechat-eks", {
    controllerVersion: "9.0",
    accountName: "aws-lab",
    region: "us-east-2",
    namePrefix: "librechat-eks",
    mode: blueprintMode(app),
    newNetwork: { cidr: "10.20.0.0/16", availabilityZones: ["us-east-2a", "us-east-2b"] },
    newCluster: {},
    librechat: LAB_LIBRECHAT,
  });
}
