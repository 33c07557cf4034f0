import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppContext } from "../../platform/app-env.ts";
import { PostForm, Submit } from "../../platform/console/form-layout.tsx";
import {
  type FormErrors,
  type FormValues,
  readForm,
  safeNext,
} from "../../platform/console/forms.ts";
import { ErrorSummary, Field } from "../../platform/console/ui.tsx";
import type { AppDeps } from "../../platform/deps.ts";
import { clientAddress, isHttps } from "../../platform/guards.ts";
import {
  clearSessionCookie,
  randomSecret,
  sameSecret,
  sessionIdFromCookie,
  setSessionCookie,
} from "../../platform/session.ts";
import { secondsUntil } from "./backoff.ts";
import { signIn, signOut } from "./sign-in.ts";

/**
 * Before sign-in there is no session to hold a CSRF token, so the form
 * carries one that must match this cookie (double submit). A cross-site
 * form cannot read the cookie, nor (SameSite=Lax) make the browser send it,
 * so nobody can sign a victim into an account of the attacker's choosing.
 */
const SIGN_IN_COOKIE = "frontline_sign_in";

function newSignInToken(c: AppContext, deps: AppDeps): string {
  const token = randomSecret();
  setCookie(c, SIGN_IN_COOKIE, token, {
    path: "/admin/sign-in",
    httpOnly: true,
    sameSite: "Lax",
    secure: isHttps(c, deps.config),
  });
  return token;
}

/** Reuses the browser's token, so two open sign-in tabs both work. */
function signInToken(c: AppContext, deps: AppDeps): string {
  const existing = getCookie(c, SIGN_IN_COOKIE);
  return existing && /^[A-Za-z0-9_-]{43}$/.test(existing) ? existing : newSignInToken(c, deps);
}

interface SignInState {
  readonly values?: FormValues;
  readonly errors?: FormErrors;
  readonly token: string;
}

function SignInPage({ values = {}, errors = {}, token }: SignInState) {
  return (
    <>
      <h1>Sign in to the desk</h1>
      <ErrorSummary errors={errors} labels={{ email: "Email", password: "Password" }} />
      <PostForm action="/admin/sign-in" csrfToken={token}>
        <input type="hidden" name="next" value={safeNext(values.next, "")} />
        <Field
          label="Email"
          name="email"
          type="email"
          autocomplete="username"
          spellcheck={false}
          value={values.email}
          error={errors.email}
          required
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autocomplete="current-password"
          error={errors.password}
          required
        />
        <Submit>Sign in</Submit>
      </PostForm>
      <p class="hint">
        Forgot your password? Ask an admin to reset it. Admins without access can run{" "}
        <code>npm run admin -- reset-password --email you@example.com</code> on the server.
      </p>
    </>
  );
}

const seconds = (n: number) => (n === 1 ? "1 second" : `${n} seconds`);

const render = (c: AppContext, state: SignInState, status: 200 | 403 | 422 | 429 = 200) => {
  c.status(status);
  return c.render(<SignInPage {...state} />, { title: "Sign in" });
};

export function showSignIn(deps: AppDeps) {
  return (c: AppContext) => {
    const staff = c.var.staff;
    const next = c.req.query("next");
    if (staff && !staff.mustChangePassword) return c.redirect(safeNext(next));
    return render(c, { values: { next: next ?? "" }, token: signInToken(c, deps) });
  };
}

export function submitSignIn(deps: AppDeps) {
  return async (c: AppContext) => {
    const values = await readForm(c);
    const kept = { email: values.email ?? "", next: values.next ?? "" };
    if (!sameSecret(values._csrf, getCookie(c, SIGN_IN_COOKIE) ?? "")) {
      // The re-rendered form gets a fresh token, so trying again works.
      const token = newSignInToken(c, deps);
      const errors = { _form: "The sign-in form had expired. Please sign in again." };
      return render(c, { values: kept, errors, token }, 403);
    }
    const token = values._csrf ?? "";
    const errors: FormErrors = {};
    if (!values.email?.trim()) errors.email = "Enter your email address.";
    if (!values.password) errors.password = "Enter your password.";
    if (Object.keys(errors).length) return render(c, { values: kept, errors, token }, 422);

    const result = await signIn(deps, {
      email: values.email ?? "",
      password: values.password ?? "",
      address: clientAddress(c, deps.config.trustedProxies),
      replacing: sessionIdFromCookie(c),
    });
    const now = deps.clock.now();
    switch (result.outcome) {
      case "signed-in": {
        setSessionCookie(c, deps.config, result.cookieValue);
        deleteCookie(c, SIGN_IN_COOKIE, { path: "/admin/sign-in" });
        const next = safeNext(values.next, "");
        if (result.user.mustChangePassword) {
          return c.redirect(
            next ? `/admin/password?next=${encodeURIComponent(next)}` : "/admin/password",
            303,
          );
        }
        return c.redirect(next || "/admin", 303);
      }
      case "wrong": {
        const wait = result.lockedUntil ? secondsUntil(result.lockedUntil, now) : null;
        const message = wait
          ? `Wrong email or password. Too many attempts, try again in ${seconds(wait)}.`
          : "Wrong email or password.";
        if (wait) c.header("Retry-After", String(wait));
        return render(c, { values: kept, errors: { _form: message }, token }, wait ? 429 : 422);
      }
      case "locked": {
        const wait = secondsUntil(result.lockedUntil, now);
        c.header("Retry-After", String(wait));
        const message = `Too many attempts, try again in ${seconds(wait)}.`;
        return render(c, { values: kept, errors: { _form: message }, token }, 429);
      }
      case "disabled": {
        const message = "This account is disabled. Ask an admin to enable it.";
        return render(c, { values: kept, errors: { _form: message }, token }, 403);
      }
    }
  };
}

export function submitSignOut(deps: AppDeps) {
  return async (c: AppContext) => {
    const staff = c.var.staff;
    if (staff?.sessionId) {
      await signOut(deps, c.var.actor, staff.sessionId);
    }
    clearSessionCookie(c, deps.config);
    return c.redirect("/admin/sign-in?notice=signed-out", 303);
  };
}
