/**
 * SMS encoding and segment count, as carriers bill them. A message is GSM-7 when every character is in the
 * GSM 03.38 basic set or its extension table (extension characters take two septets: an escape and the
 * character); anything else makes the whole message UCS-2 (UTF-16 code units, so most emoji take two).
 * One segment holds 160 GSM-7 septets or 70 UCS-2 units; a longer message is split into segments of 153 or
 * 67 (the rest is the concatenation header), and a segment never splits an escape pair or a surrogate pair.
 * @see https://en.wikipedia.org/wiki/GSM_03.38
 */
export type SmsEncoding = "GSM-7" | "UCS-2";

export type SmsSegmentCount = {
  encoding: SmsEncoding;
  /** Characters as people count them (code points). */
  characters: number;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the message takes. */
  units: number;
  segments: number;
  /** Units per segment at this length: 160/70 for one segment, 153/67 when concatenated. */
  perSegment: number;
  /** Units left in the last segment before another one is needed. */
  remainingInSegment: number;
  /** The characters that forced UCS-2, each once, in order of appearance. */
  nonGsmCharacters: string[];
};

const gsmBasic = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
);
const gsmExtension = new Set("\f^{}\\[~]|€");

const limits = {
  "GSM-7": { single: 160, multi: 153 },
  "UCS-2": { single: 70, multi: 67 },
} as const;

function gsmCost(character: string): number | null {
  if (gsmBasic.has(character)) return 1;
  if (gsmExtension.has(character)) return 2;
  return null;
}

export function smsEncoding(text: string): SmsEncoding {
  for (const character of text) if (gsmCost(character) === null) return "UCS-2";
  return "GSM-7";
}

/** Packs units into segments of `size` without splitting one character's units across two segments. */
function packSegments(costs: number[], size: number): { segments: number; lastUsed: number } {
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > size) {
      segments += 1;
      used = 0;
    }
    used += cost;
  }
  return { segments, lastUsed: used };
}

export function countSmsSegments(text: string): SmsSegmentCount {
  const characters = [...text];
  const encoding = smsEncoding(text);
  const costs = characters.map((character) => (encoding === "GSM-7" ? gsmCost(character)! : character.length));
  const units = costs.reduce((sum, cost) => sum + cost, 0);
  const nonGsmCharacters = encoding === "UCS-2" ? [...new Set(characters.filter((character) => gsmCost(character) === null))] : [];
  const { single, multi } = limits[encoding];
  if (units <= single) {
    return { encoding, characters: characters.length, units, segments: units === 0 ? 0 : 1, perSegment: single, remainingInSegment: single - units, nonGsmCharacters };
  }
  const { segments, lastUsed } = packSegments(costs, multi);
  return { encoding, characters: characters.length, units, segments, perSegment: multi, remainingInSegment: multi - lastUsed, nonGsmCharacters };
}

/** A change that moved a message from GSM-7 to UCS-2: what caused it and what it does to the cost. */
export type SmsEncodingChange = { from: "GSM-7"; to: "UCS-2"; segmentsBefore: number; segmentsAfter: number; characters: string[] };

export function smsEncodingChange(before: SmsSegmentCount, after: SmsSegmentCount): SmsEncodingChange | null {
  if (before.encoding !== "GSM-7" || after.encoding !== "UCS-2") return null;
  return { from: "GSM-7", to: "UCS-2", segmentsBefore: before.segments, segmentsAfter: after.segments, characters: after.nonGsmCharacters };
}
