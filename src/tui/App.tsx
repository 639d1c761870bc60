/**
 * `tsmesos top`: a live view of the cluster driven by the operator event stream (never by
 * polling `/master/state`). Layout, top to bottom: tabs, stream status, the current view (or a
 * task's log pane), the last action's outcome or a y/N question, and the key help. State lives in
 * hooks and pure reducers; every component below is a function of props (style-guide convention
 * 8). `<Static>` is not used: this is a full-screen view that redraws in place, not a log.
 */
import { Box, useApp, useInput } from 'ink';
import { useCallback, useMemo, useState } from 'react';
import { ConfirmPrompt } from './components/ConfirmPrompt.js';
import { HelpBar } from './components/HelpBar.js';
import { MessageLine } from './components/MessageLine.js';
import { StatusLine } from './components/StatusLine.js';
import { TabBar } from './components/TabBar.js';
import { useNow } from './hooks/use-now.js';
import { useOperatorState } from './hooks/use-operator-state.js';
import { useTaskOutput } from './hooks/use-task-output.js';
import { type Size, useTerminalSize } from './hooks/use-terminal-size.js';
import type { TopServices } from './services.js';
import { helpKeys } from './state/help.js';
import { handleInput, type Intent } from './state/keys.js';
import { agentRows, frameworkRows, offerRows, taskRows, usage } from './state/selectors.js';
import { initialUi, selectedIndex, type UiState, type ViewName } from './state/ui.js';
import { Body } from './views/Body.js';

export interface AppProps {
  services: TopServices;
  /** How often queued stream events are applied and the screen redrawn. */
  refreshMs?: number;
  /** Fixed size (tests); otherwise the terminal's, following resizes. */
  size?: Size;
  clock?: () => number;
  initialView?: ViewName;
}

/** Marathon and Chronos modes do not exist yet, so their views have no source. */
const UNAVAILABLE: ReadonlySet<ViewName> = new Set(['apps', 'jobs']);

export function App({ services, refreshMs = 250, size, clock = Date.now, initialView }: AppProps) {
  const { exit } = useApp();
  const { columns: width, rows } = useTerminalSize(size);
  const state = useOperatorState(services.watch, refreshMs, clock);
  const now = useNow(1000, clock);
  const [ui, setUi] = useState<UiState>(() => initialUi(initialView));
  const height = Math.max(5, rows - 1);
  const bodyHeight = height - 4;

  const u = useMemo(() => usage(state), [state.tasks, state.agents]);
  const data = useMemo(
    () => ({
      offers: offerRows(state, now),
      agents: agentRows(state, u),
      frameworks: frameworkRows(state, u),
      tasks: taskRows(state, ui.filter),
    }),
    [state, u, now, ui.filter],
  );
  const pane = ui.pane;
  const target = useMemo(() => (pane ? { frameworkId: pane.frameworkId, taskId: pane.taskId, file: pane.file } : undefined), [pane?.frameworkId, pane?.taskId, pane?.file]);
  const output = useTaskOutput(services.followOutput, target);
  const rowCount = ui.view in data ? data[ui.view as keyof typeof data].length : 0;
  const selected = selectedIndex(ui, rowCount);

  const run = useCallback(
    (intent: Intent) => {
      if (intent.type === 'quit') return exit();
      services.teardown(intent.frameworkId).then(
        () => setUi((s) => ({ ...s, message: { text: `framework ${intent.name} (${intent.frameworkId}) torn down`, error: false } })),
        (e: Error & { hint?: string }) =>
          setUi((s) => ({ ...s, message: { text: `teardown of ${intent.name} failed: ${e.message}${e.hint ? ` (${e.hint})` : ''}`, error: true } })),
      );
    },
    [services, exit],
  );

  useInput((input, key) => {
    const f = ui.view === 'frameworks' ? data.frameworks[selected] : undefined;
    const t = ui.view === 'tasks' ? data.tasks[selected] : undefined;
    const result = handleInput(ui, input, key, {
      rows: rowCount,
      page: Math.max(1, bodyHeight - 2),
      ...(f ? { framework: { id: f.id, name: f.name, tasks: f.tasks } } : {}),
      ...(t ? { task: { id: t.id, frameworkId: t.frameworkId } } : {}),
    });
    setUi(result.ui);
    if (result.intent) run(result.intent);
  });

  const counts = { agents: state.agents.size, frameworks: state.frameworks.size, tasks: u.byFramework.size === 0 ? 0 : [...u.byFramework.values()].reduce((n, x) => n + x.tasks, 0), offers: state.offers.open.size };
  return (
    <Box flexDirection="column" width={width} height={height}>
      <TabBar current={ui.view} unavailable={UNAVAILABLE} width={width} />
      <StatusLine connection={state.connection} counts={counts} now={now} width={width} />
      <Body ui={ui} state={state} data={data} now={now} selected={selected} width={width} height={bodyHeight} output={output} />
      {ui.confirm ? <ConfirmPrompt confirm={ui.confirm} width={width} /> : <MessageLine message={ui.message} width={width} />}
      <HelpBar keys={helpKeys(ui)} width={width} />
    </Box>
  );
}
