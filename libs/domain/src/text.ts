/** Lower case without accents ("Óscar Peña" → "oscar pena"): how searches compare text, in the api's SQL and here. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
