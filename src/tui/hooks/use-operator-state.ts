/**
 * Feeds the operator stream into the pure reducer. Events are queued as they arrive and applied
 * in one batch every `refreshMs`, so a burst of a thousand offers costs one state copy and one
 * render instead of a thousand; connection changes are applied at once.
 */
import { useEffect, useReducer, useRef } from 'react';
import type { OperatorEvent } from '../../client/operator-types.js';
import { initialState, topReducer } from '../state/reducer.js';
import type { TopState } from '../state/types.js';
import type { TopServices } from '../services.js';

export function useOperatorState(watch: TopServices['watch'], refreshMs: number, clock: () => number = Date.now): TopState {
  const [state, dispatch] = useReducer(topReducer, undefined, () => initialState(clock()));
  const queue = useRef<OperatorEvent[]>([]);
  useEffect(() => {
    const flush = () => {
      if (queue.current.length === 0) return;
      const events = queue.current;
      queue.current = [];
      dispatch({ type: 'events', events, now: clock() });
    };
    const timer = setInterval(flush, refreshMs);
    const stop = watch({
      onEvent: (e) => void queue.current.push(e),
      onStatus: (status) => dispatch({ type: 'status', status, now: clock() }),
    });
    return () => {
      clearInterval(timer);
      stop();
    };
  }, [watch, refreshMs, clock]);
  return state;
}
