import { test as base, expect, type ConsoleMessage } from "@playwright/test";

/**
 * `test` extended with an automatic fixture that records every uncaught page
 * error (`pageerror`) and every `console.error` of the page, and fails the test
 * at its end if any of them was not expected.
 *
 * Opt-outs (substring or RegExp, matched against the recorded message):
 *
 *   // for every test of a file or describe block
 *   test.use({ allowedErrors: ["expected failure", /quota/i] });
 *
 *   // inside one test
 *   test("x", async ({ page, allowError }) => { allowError(/boom/); ... });
 */

export type ErrorPattern = string | RegExp;

type Fixtures = {
  /** Errors this test expects (an option: set it with test.use()). */
  allowedErrors: ErrorPattern[];
  /** Expect one more error pattern, from inside a test. */
  allowError: (pattern: ErrorPattern) => void;
  /** Errors recorded so far in this test ("pageerror: ..." / "console.error: ..."). */
  pageErrors: string[];
  /** Auto fixture: collects the errors and checks them when the test ends. */
  failOnPageErrors: void;
};

const matches = (message: string, pattern: ErrorPattern) =>
  typeof pattern === "string" ? message.includes(pattern) : pattern.test(message);

export const test = base.extend<Fixtures & { _extraAllowed: ErrorPattern[] }>({
  allowedErrors: [[], { option: true }],

  // Fresh per test, so allowError() never leaks into the next test.
  _extraAllowed: async ({}, use) => {
    await use([]);
  },

  allowError: async ({ _extraAllowed }, use) => {
    await use((pattern) => {
      _extraAllowed.push(pattern);
    });
  },

  pageErrors: async ({}, use) => {
    await use([]);
  },

  failOnPageErrors: [
    async ({ page, pageErrors, allowedErrors, _extraAllowed }, use, testInfo) => {
      const onPageError = (error: Error) => {
        pageErrors.push(`pageerror: ${error.stack ?? error.message}`);
      };
      const onConsole = (msg: ConsoleMessage) => {
        if (msg.type() !== "error") return;
        const loc = msg.location();
        const where = loc.url ? ` (${loc.url}:${loc.lineNumber})` : "";
        pageErrors.push(`console.error: ${msg.text()}${where}`);
      };
      page.on("pageerror", onPageError);
      page.on("console", onConsole);

      await use();

      page.off("pageerror", onPageError);
      page.off("console", onConsole);

      const allowed = [...allowedErrors, ..._extraAllowed];
      const unexpected = pageErrors.filter(
        (message) => !allowed.some((pattern) => matches(message, pattern)),
      );
      if (unexpected.length > 0) {
        await testInfo.attach("page-errors.txt", {
          body: unexpected.join("\n\n"),
          contentType: "text/plain",
        });
      }
      expect(unexpected, "uncaught page errors / console errors during the test").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
