import data from "./data/mitm-sensitive-domains.json";

/** A host pattern that must not be decrypted (see data/mitm-sensitive-domains.json for sources). */
export interface SensitiveDomain {
  readonly pattern: string;
  readonly what: string;
  readonly source: readonly string[];
}

export const MITM_SENSITIVE_DOMAINS: readonly SensitiveDomain[] = data.domains;
