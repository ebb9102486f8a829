/** A LIKE pattern that finds `text` anywhere: `like` treats % and _ as wildcards, a person searching for them means the characters. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}
