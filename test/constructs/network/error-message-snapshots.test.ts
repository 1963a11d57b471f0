// SpokeTransitAttachment.tunnelCount out of range: the sibling test matches a regex; here the
// full message is snapshotted per rejected value (docs/ARCHITECTURE.md §8).
import { SpokeTransitAttachment } from "../../../lib/constructs/network";
import { ConstructPropsError } from "../../../lib/core/construct-props-error";
import { newStack } from "./synth";

test.each([0, 50, 2.5, -1])("GIVEN tunnelCount %d WHEN attached THEN ConstructPropsError, message snapshotted", (tunnelCount) => {
  const build = () =>
    new SpokeTransitAttachment(newStack(), "Attach", { spokeGateway: { gatewayName: "s" }, transitGateway: { gatewayName: "t" }, tunnelCount });
  expect(build).toThrow(ConstructPropsError);
  expect(build).toThrowErrorMatchingSnapshot();
});
