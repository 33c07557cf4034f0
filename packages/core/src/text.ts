import { z } from "zod";

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
const withoutControlCharacters = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

/**
 * Text a person typed: trimmed, and free of control characters other than
 * tab and line breaks. No one types them; they arrive from broken clients or
 * on purpose, and PostgreSQL cannot store NUL at all, so they are refused
 * with a message instead of failing the write.
 */
export const plainText = () =>
  z.string().trim().regex(withoutControlCharacters, "Control characters are not allowed.");

/**
 * An email address as people have them, internationalised ones included
 * (jürgen@beispiel.de, 李伟@例子.中国): zod's default pattern is ASCII
 * only. A local part without spaces, quotes or brackets, and a domain of at
 * least two labels; SMTPUTF8 servers deliver the rest.
 */
const emailPattern =
  /^[^\s@"<>()[\]\\,;:]{1,64}@(?=.{1,253}$)[^\s@.<>()[\]\\,;:]+(\.[^\s@.<>()[\]\\,;:]+)+$/u;

export const emailAddress = () => z.email({ pattern: emailPattern }).max(254);
