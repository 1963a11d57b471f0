/** Key tying the preflight facts of one cluster together (one cluster per stack). */
export const CLUSTER_KEY = "cluster";
