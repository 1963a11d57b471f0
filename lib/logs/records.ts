// One decision the gateway logged, as `vca-cdktf logs replay` reads it (docs/research/dcf-logs.md):
// an L4 microsegmentation packet line or an L7 proxy (ats_dcf / traffic_server) JSON line,
// normalised to one shape.

/** ACT / action: DROP and DENY are the same decision; every *PERMIT action permits. */
export type ObservedAction = "PERMIT" | "DENY";
export type LogProtocol = "TCP" | "UDP" | "ICMP";

export interface LogRecord {
  readonly engine: "L4" | "L7";
  /** Epoch milliseconds (UTC). */
  readonly time: number;
  readonly srcIp: string;
  readonly srcPort?: number;
  readonly dstIp: string;
  /** Absent for ICMP. */
  readonly dstPort?: number;
  readonly protocol: LogProtocol;
  readonly action: ObservedAction;
  /** ENFORCED / enforced; undefined when the line does not say (older controllers). */
  readonly enforced?: boolean;
  /** The deciding rule's UUID (POLICY / decided_by). */
  readonly rule?: string;
  /** TLS SNI (L7 only). */
  readonly sni?: string;
  /** L7 session id (start and end records of one session share it). */
  readonly sessionId?: string;
  /** The gateway decrypted the session (L7 `decrypted_by` set). */
  readonly decrypted?: boolean;
}

/** A recognised gateway line that could not be read: reported as `file:line: reason`. */
export interface LineProblem {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}
