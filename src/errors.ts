/**
 * The one catalogue of error codes. Every SimError carries a code from here; a test checks that
 * every code is documented (README "Error codes"). Codes read `SIM_ERR_<AREA>_<WHAT>`.
 *
 * `user: true` marks mistakes in what a user gave us (a scenario, a flag): the CLI prints them
 * without a stack trace and exits 2. Anything else is a bug and exits 1.
 */
export const ERROR_CODES = {
  SIM_ERR_SCENARIO_READ: { user: true, text: 'The scenario file cannot be read.' },
  SIM_ERR_SCENARIO_PARSE: { user: true, text: 'The scenario file is not valid YAML or JSON.' },
  SIM_ERR_SCENARIO_INVALID: { user: true, text: 'The scenario does not match the schema.' },
  SIM_ERR_SCENARIO_EXTENDS: { user: true, text: 'A scenario named in `extends` is missing or forms a cycle.' },
  SIM_ERR_SCENARIO_MODEL: { user: true, text: 'The scenario names a model that does not exist.' },
  SIM_ERR_OVERRIDE: { user: true, text: 'A `--set path=value` override is malformed or names no parameter.' },
  SIM_ERR_CLI_USAGE: { user: true, text: 'The command line is malformed: unknown command, flag or value.' },
  SIM_ERR_SEEDS: { user: true, text: 'A seed list is malformed (expected N, A..B or A,B,C of non-negative integers).' },
  SIM_ERR_OUTPUT_EXISTS: { user: true, text: 'The output folder exists and is not a result folder (no manifest.json).' },
  SIM_ERR_BATCH_MISMATCH: { user: true, text: 'The output folder holds a different batch (other scenarios, seeds or design); resume needs the same command.' },
  SIM_ERR_RESULTS_READ: { user: true, text: 'A result folder or file is missing, incomplete or not readable.' },
  SIM_ERR_REDIS_CONFIG: { user: true, text: 'Redis for a distributed batch cannot be reached or is unsafe for a queue (its maxmemory-policy must be noeviction).' },
  SIM_ERR_ENGINE_STATE: { user: false, text: 'An engine object was used in a state that does not allow it.' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** One problem found in a user's input, located as precisely as we can. */
export interface InputIssue {
  file?: string;
  line?: number;
  column?: number;
  /** JSON-pointer-like path inside the document, e.g. `/params/legitimacy`. */
  path?: string;
  message: string;
}

export class SimError extends Error {
  readonly code: ErrorCode;
  readonly issues: readonly InputIssue[];

  constructor(code: ErrorCode, message: string, issues: readonly InputIssue[] = []) {
    super(message);
    this.name = 'SimError';
    this.code = code;
    this.issues = issues;
  }

  /** True when the error is the user's mistake (exit code 2, no stack trace). */
  get isUserError(): boolean {
    return ERROR_CODES[this.code].user;
  }
}

export function isSimError(value: unknown): value is SimError {
  return value instanceof SimError;
}
