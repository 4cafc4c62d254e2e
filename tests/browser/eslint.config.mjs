// ESLint for the viewer's script, linted as the one bundle timeline.html inlines
// (tests/browser/test_lint.py writes it to _artifacts/viewer.bundle.js).
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "script",
      globals: { ...globals.browser },
    },
    rules: {
      eqeqeq: "error",
      "no-var": "error",
      "prefer-const": "error",
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "no-shadow": "error",
      "no-unused-vars": ["error", { args: "none" }],
      // article text reaches the page as text only: no HTML-parsing sinks
      "no-restricted-properties": [
        "error",
        { property: "innerHTML", message: "insert text with textContent or DOM APIs" },
        { property: "outerHTML", message: "insert text with textContent or DOM APIs" },
        { property: "insertAdjacentHTML", message: "insert text with DOM APIs" },
        { property: "createContextualFragment", message: "insert text with DOM APIs" },
        { object: "document", property: "write", message: "insert text with DOM APIs" },
        { object: "document", property: "writeln", message: "insert text with DOM APIs" },
      ],
    },
  },
];
