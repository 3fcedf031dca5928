/** "1 meeting", "2 meetings". */
export function meetingsPhrase(count: number): string {
  return `${count} ${count === 1 ? 'meeting' : 'meetings'}`;
}
