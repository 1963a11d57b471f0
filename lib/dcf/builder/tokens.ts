// Terraform references inside model values (`${aws_subnet.runtime.id}`, `${var.x}`): values
// the model keeps as text; validation skips format checks on them and the simulator matches
// them only by the Terraform address a flow names.

const REF = /^\$\{([\s\S]*)\}$/;

/** True when the value is (or contains) an unevaluated Terraform expression. */
export function isTerraformRef(value: string): boolean {
  return value.includes("${");
}

/**
 * The resource/data/module address a reference points at: `${aws_subnet.runtime.id}` →
 * `aws_subnet.runtime`, `${data.aws_vpc.main.id}` → `data.aws_vpc.main`, `${var.x}` → `var.x`.
 * Undefined for anything that is not a single plain reference.
 */
export function terraformRefAddress(value: string): string | undefined {
  const m = REF.exec(value.trim());
  if (!m) return undefined;
  const expr = m[1].trim();
  const parts = /^([A-Za-z_][\w-]*)((?:\.[A-Za-z_][\w-]*|\[[^\]]*\])*)$/.exec(expr);
  if (!parts) return undefined;
  const segs = expr.split(/\.|(?=\[)/).filter((s) => s !== "" && !s.startsWith("["));
  // data sources have a three-part address; resources, modules, var and local two.
  return segs.slice(0, segs[0] === "data" ? 3 : 2).join(".");
}
