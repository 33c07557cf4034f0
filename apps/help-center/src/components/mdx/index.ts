import AppliesTo from "./AppliesTo.astro";
import FaqItem from "./FaqItem.astro";
import Important from "./Important.astro";
import Note from "./Note.astro";
import type { MdxComponentName } from "./names.ts";
import Steps from "./Steps.astro";
import Tip from "./Tip.astro";
import UiPath from "./UiPath.astro";
import Warning from "./Warning.astro";

export { type MdxComponentName, mdxComponentNames } from "./names.ts";

/**
 * The components every MDX article may use without importing them. `satisfies`
 * fails the typecheck on a component missing from names.ts or a name without
 * its component, so the content check never accepts what the pages cannot render.
 */
export const mdxComponents = {
  AppliesTo,
  FaqItem,
  Important,
  Note,
  Steps,
  Tip,
  UiPath,
  Warning,
} satisfies Record<MdxComponentName, unknown>;
