import * as core from '@actions/core';
import type { Logger } from '@rampart/core';

/** Where an annotation points; the same fields as @actions/core's AnnotationProperties. */
export interface AnnotationProps {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

/**
 * Everything an action says to the runner goes through this, so that `run(inputs, deps)` can be tested
 * with `recordingIO()` and nothing here touches the process on import.
 */
export interface ActionsIO {
  setOutput(name: string, value: string): void;
  /** Registers a value the runner masks in every later log line. */
  setSecret(value: string): void;
  setFailed(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  /** With props, an annotation; without, a highlighted log line. */
  error(message: string, props?: AnnotationProps): void;
  warning(message: string, props?: AnnotationProps): void;
  notice(message: string, props?: AnnotationProps): void;
  /** Appends Markdown to the job summary (`GITHUB_STEP_SUMMARY`). */
  writeSummary(markdown: string): Promise<void>;
  /** Hands a value to the action's `post:` step (a container to stop). */
  saveState(name: string, value: string): void;
  getState(name: string): string;
}

/** The real runner, through @actions/core. */
export function actionsIO(): ActionsIO {
  return {
    setOutput: (name, value) => core.setOutput(name, value),
    setSecret: (value) => core.setSecret(value),
    setFailed: (message) => core.setFailed(message),
    debug: (message) => core.debug(message),
    info: (message) => core.info(message),
    error: (message, props) => core.error(message, props),
    warning: (message, props) => core.warning(message, props),
    notice: (message, props) => core.notice(message, props),
    writeSummary: async (markdown) => {
      await core.summary.addRaw(markdown, true).write();
    },
    saveState: (name, value) => core.saveState(name, value),
    getState: (name) => core.getState(name),
  };
}

export type RecordedLevel = 'debug' | 'info' | 'error' | 'warning' | 'notice';

export interface RecordedMessage {
  level: RecordedLevel;
  message: string;
  props?: AnnotationProps;
}

export interface RecordingIO extends ActionsIO {
  outputs: Record<string, string>;
  secrets: string[];
  failed: string[];
  messages: RecordedMessage[];
  summaries: string[];
  state: Record<string, string>;
  /** Messages of one level, in order. */
  at(level: RecordedLevel): RecordedMessage[];
  /** Every registered secret that appears in any recorded text: a test asserts this is empty. */
  leakedSecrets(): string[];
}

/** A fake runner for tests: records everything, checks nothing. */
export function recordingIO(): RecordingIO {
  const io: RecordingIO = {
    outputs: {},
    secrets: [],
    failed: [],
    messages: [],
    summaries: [],
    state: {},
    setOutput: (name, value) => {
      io.outputs[name] = value;
    },
    setSecret: (value) => {
      io.secrets.push(value);
    },
    setFailed: (message) => {
      io.failed.push(message);
    },
    debug: (message) => io.messages.push({ level: 'debug', message }),
    info: (message) => io.messages.push({ level: 'info', message }),
    error: (message, props) => io.messages.push({ level: 'error', message, ...(props ? { props } : {}) }),
    warning: (message, props) => io.messages.push({ level: 'warning', message, ...(props ? { props } : {}) }),
    notice: (message, props) => io.messages.push({ level: 'notice', message, ...(props ? { props } : {}) }),
    writeSummary: async (markdown) => {
      io.summaries.push(markdown);
    },
    saveState: (name, value) => {
      io.state[name] = value;
    },
    getState: (name) => io.state[name] ?? '',
    at: (level) => io.messages.filter((m) => m.level === level),
    leakedSecrets: () => {
      const texts = [
        ...io.messages.map((m) => `${m.message} ${JSON.stringify(m.props ?? {})}`),
        ...Object.values(io.outputs),
        ...io.failed,
        ...io.summaries,
      ];
      return io.secrets.filter((s) => s !== '' && texts.some((t) => t.includes(s)));
    },
  };
  return io;
}

/** Routes a library's Logger to the runner's log, warnings as annotations-free warning lines. */
export function loggerFromIO(io: ActionsIO): Logger {
  return {
    debug: (m) => io.debug(m),
    info: (m) => io.info(m),
    warn: (m) => io.warning(m),
    error: (m) => io.error(m),
  };
}
