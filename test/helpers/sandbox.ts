/** Reads a task's sandbox file the way an operator would: agent `/state` → executor directory → `/files/read`. */
import { getJson } from './http.js';

export async function readSandbox(agentUrl: string, taskId: string, file: string): Promise<string> {
  const st = await getJson(`${agentUrl}/state`);
  for (const fw of [...st.frameworks, ...st.completed_frameworks]) {
    for (const ex of [...fw.executors, ...fw.completed_executors]) {
      if (ex.id === taskId) return (await getJson(`${agentUrl}/files/read?path=${encodeURIComponent(`${ex.directory}/${file}`)}&offset=0`)).data;
    }
  }
  throw new Error(`no executor for ${taskId}`);
}
