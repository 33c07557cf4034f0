/**
 * Made-up names for the seed: pronounceable pseudo-words, organisations
 * (kind and city) and people, all drawn from the seed's generator.
 */
import type { Random } from "./random.ts";

const syllables = [
  "ar",
  "bel",
  "cor",
  "dan",
  "el",
  "fal",
  "gor",
  "han",
  "is",
  "jun",
  "kel",
  "lor",
  "man",
  "nor",
  "ol",
  "pra",
  "quin",
  "ros",
  "sal",
  "tor",
  "ul",
  "ven",
  "wil",
  "xan",
  "yor",
  "zen",
  "tek",
  "mi",
  "lo",
  "va",
  "ri",
  "sto",
  "ne",
  "ka",
  "du",
  "fen",
];

/** A made-up but pronounceable word, e.g. "korvane"; rare ones make rare search terms. */
export function pseudoWord(random: Random, parts = random.int(2, 3)): string {
  let word = "";
  for (let i = 0; i < parts; i++) word += random.pick(syllables);
  return word;
}

const orgKinds = [
  "Logistics",
  "Trading",
  "Medical",
  "Engineering",
  "Foods",
  "Textiles",
  "Consulting",
  "Pharma",
  "Robotics",
  "Solar",
  "Maritime",
  "Publishing",
  "Architects",
  "Retail",
  "Finance",
];
const cities = [
  "Shanghai",
  "Beijing",
  "Shenzhen",
  "Suzhou",
  "Hangzhou",
  "Chengdu",
  "Tianjin",
  "Wuhan",
];

export function organisationName(random: Random): string {
  const name = pseudoWord(random);
  const capitalised = name.charAt(0).toUpperCase() + name.slice(1);
  return random.chance(0.4)
    ? `${capitalised} ${random.pick(cities)} ${random.pick(orgKinds)}`
    : `${capitalised} ${random.pick(orgKinds)}`;
}

const givenNames = [
  "Li",
  "Wei",
  "Fang",
  "Min",
  "Jun",
  "Anna",
  "Marco",
  "Lukas",
  "Sofia",
  "Chen",
  "Mei",
  "Hao",
  "Giulia",
  "Jonas",
  "Yan",
  "Lin",
];
const familyNames = [
  "Wang",
  "Zhang",
  "Liu",
  "Chen",
  "Yang",
  "Huang",
  "Zhao",
  "Rossi",
  "Müller",
  "Bianchi",
  "Schmidt",
  "Xu",
  "Sun",
  "Ma",
  "Hu",
];

export function personName(random: Random): string {
  return `${random.pick(givenNames)} ${random.pick(familyNames)}`;
}
