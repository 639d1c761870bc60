/**
 * `tsmesos top`: a live view of the cluster driven by the operator event stream (never by
 * polling `/master/state`). Layout, top to bottom: tabs, stream status, the current view (or a
 * task's log pane), the last action's outcome or a y/N question, and the key help. State lives in
 * hooks and pure reducers; every component below is a function of props (style-guide convention
 * 8). `<Static>` is not used: this is a full-screen view that redraws in place, not a log.
 */
import { Box, useApp, useInput } from 'ink';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { ConfirmPrompt, NumberPrompt } from './components/ConfirmPrompt.js';
import { HelpBar } from './components/HelpBar.js';
import { MessageLine } from './components/MessageLine.js';
import { StatusLine } from './components/StatusLine.js';
import { TabBar } from './components/TabBar.js';
import { useNow } from './hooks/use-now.js';
import { useOperatorState } from './hooks/use-operator-state.js';
import { useServiceFeeds } from './hooks/use-service-feeds.js';
import { useTaskOutput } from './hooks/use-task-output.js';
import { type Size, useTerminalSize } from './hooks/use-terminal-size.js';
import { perform } from './perform.js';
import type { TopServices } from './services.js';
import { done, failed } from './state/actions.js';
import { helpKeys } from './state/help.js';
import { keyContext, type ViewLists } from './state/key-context.js';
import { handleInput, type Intent } from './state/keys.js';
import { initialUi, selectedIndex, type UiState, type ViewName } from './state/ui.js';
import { masterRows } from './state/view-rows.js';
import { Body } from './views/Body.js';

export interface AppProps {
  services: TopServices;
  /** How often queued stream events are applied and the screen redrawn. */
  refreshMs?: number;
  /** Fixed size (tests); otherwise the terminal's, following resizes. */
  size?: Size;
  clock?: () => number;
  initialView?: ViewName;
  /** How often Marathon and Chronos are polled when no event says they changed. */
  servicePollMs?: number;
}

export function App({ services, refreshMs = 100, size, clock = Date.now, initialView, servicePollMs }: AppProps) {
  const { exit } = useApp();
  const { columns: width, rows } = useTerminalSize(size);
  const state = useOperatorState(services.watch, refreshMs, clock);
  const now = useNow(1000, clock);
  const [ui, setUi] = useState<UiState>(() => initialUi(initialView));
  const height = Math.max(5, rows - 1);
  const bodyHeight = height - 4;

  // Only the Offers view shows ages, so only it is recomputed by the clock.
  const clockForRows = ui.view === 'offers' ? now : 0;
  const data = useMemo(() => masterRows(ui.view, state, clockForRows, ui.filter), [ui.view, state, clockForRows, ui.filter]);
  const pane = ui.pane;
  const target = useMemo(() => (pane ? { frameworkId: pane.frameworkId, taskId: pane.taskId, file: pane.file } : undefined), [pane?.frameworkId, pane?.taskId, pane?.file]);
  const output = useTaskOutput(services.followOutput, target);
  const { apps, jobs } = useServiceFeeds(services.marathon, services.chronos, refreshMs, clock, servicePollMs);
  const lists: ViewLists = useMemo(() => ({ ...data, apps: apps?.rows ?? [], jobs: jobs?.rows ?? [] }), [data, apps?.rows, jobs?.rows]);
  const selected = selectedIndex(ui, lists[ui.view].length);
  // What the key handler reads: the UI state as of the last key (keys can arrive faster than
  // renders) and the rows of the last committed frame (synced in the commit itself, while Ink
  // re-subscribes the handler only in a later passive effect), so a key acts on what is shown.
  const uiRef = useRef(ui);
  const page = Math.max(1, bodyHeight - 2);
  const latest = useRef({ lists, page });
  useLayoutEffect(() => {
    uiRef.current = ui;
    latest.current = { lists, page };
  });
  const unavailable = useMemo(
    () => new Set<ViewName>([...(apps?.feed.state === 'ok' ? [] : (['apps'] as const)), ...(jobs?.feed.state === 'ok' ? [] : (['jobs'] as const))]),
    [apps?.feed.state, jobs?.feed.state],
  );

  const run = useCallback(
    (intent: Intent) => {
      if (intent.type === 'quit') return exit();
      const a = intent.action;
      perform(services, a).then(
        (r) => {
          setUi((s) => ({ ...s, message: { text: done(a, r.deploymentId), error: false } }));
          if (a.kind === 'scale' || a.kind === 'restart') apps?.refresh();
          if (a.kind === 'run-job') jobs?.refresh();
        },
        (e: Error & { hint?: string }) => setUi((s) => ({ ...s, message: { text: failed(a, e), error: true } })),
      );
    },
    [services, exit, apps?.refresh, jobs?.refresh],
  );

  useInput((input, key) => {
    const result = handleInput(uiRef.current, input, key, keyContext(uiRef.current, latest.current.lists, latest.current.page));
    uiRef.current = result.ui;
    setUi(result.ui);
    if (result.intent) run(result.intent);
  });

  const counts = { agents: state.agents.size, frameworks: state.frameworks.size, tasks: state.liveTasks, offers: state.offers.open.size };
  return (
    <Box flexDirection="column" width={width} height={height}>
      <TabBar current={ui.view} unavailable={unavailable} width={width} />
      <StatusLine connection={state.connection} counts={counts} now={now} width={width} />
      <Body ui={ui} state={state} data={data} {...(apps ? { apps } : {})} {...(jobs ? { jobs } : {})} now={now} selected={selected} width={width} height={bodyHeight} output={output} />
      {ui.confirm ? (
        <ConfirmPrompt confirm={ui.confirm} width={width} />
      ) : ui.prompt ? (
        <NumberPrompt prompt={ui.prompt} width={width} />
      ) : (
        <MessageLine message={ui.message} width={width} />
      )}
      <HelpBar keys={helpKeys(ui)} width={width} />
    </Box>
  );
}
