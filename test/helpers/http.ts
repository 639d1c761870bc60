/** GET a JSON document (typed loosely: tests assert on its shape). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function getJson(url: string): Promise<any> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}: ${await res.text()}`);
  return res.json();
}
