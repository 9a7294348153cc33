/**
 * Folds a name for matching: lower case, no punctuation, no "and" (in the
 * three languages). A module of its own, so what needs it alone (statuses,
 * the comparison of journeys) does not carry the table of lane names.
 */
export function foldName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[\u2019']/g, '’')
    .replace(/[^\p{L}\p{N}’]+/gu, ' ')
    .split(' ')
    .filter((word) => word !== '' && !['and', 'и', 'та', 'і', 'й'].includes(word))
    .join(' ');
}

