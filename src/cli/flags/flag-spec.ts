/**
 * Daemon flags keep the upstream names (`--work_dir`, `--allocation_interval`). Values are strings
 * after resolution, exactly as upstream `/flags` reports them; typed getters parse on demand.
 */
export type FlagType = 'string' | 'int' | 'float' | 'bool' | 'duration';

export interface FlagSpec {
  name: string;
  type: FlagType;
  help: string;
  /** Upstream default, as a string ('' = none). */
  default?: string;
  /** Accepts only these values. */
  choices?: string[];
  /** Name of the value in help and completions (`dir` and `file` complete paths). */
  valueName?: 'dir' | 'file' | 'value';
}
