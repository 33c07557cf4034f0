import AppliesTo from "./AppliesTo.astro";
import FaqItem from "./FaqItem.astro";
import Important from "./Important.astro";
import Note from "./Note.astro";
import Steps from "./Steps.astro";
import Tip from "./Tip.astro";
import UiPath from "./UiPath.astro";
import Warning from "./Warning.astro";

/** The components every MDX article may use without importing them. */
export const mdxComponents = { AppliesTo, FaqItem, Important, Note, Steps, Tip, UiPath, Warning };
export const mdxComponentNames = Object.keys(mdxComponents);
