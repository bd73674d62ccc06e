#!/usr/bin/env node
// Runs the skillc binary from the platform package that npm installed as an
// optional dependency, with the same arguments and stdio, and exits as it did.
"use strict";

const { spawn } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const PLATFORMS = {
  "darwin arm64": "@skillc/cli-darwin-arm64",
  "darwin x64": "@skillc/cli-darwin-x64",
  "linux arm64": "@skillc/cli-linux-arm64",
  "linux x64": "@skillc/cli-linux-x64",
  "win32 x64": "@skillc/cli-win32-x64",
};

// skillc's own code for usage and I/O errors.
const LAUNCH_ERROR = 2;

const OTHER_WAYS = [
  "Other ways to install skillc:",
  "  pipx install skillc            (or: pip install skillc, uvx skillc)",
  "  cargo install skillc --locked",
  "  a release archive: https://github.com/skillc/skillc/releases",
  "or set SKILLC_BINARY to the path of a skillc binary.",
].join("\n");

function fail(message) {
  process.stderr.write(`skillc: ${message}\n${OTHER_WAYS}\n`);
  process.exit(LAUNCH_ERROR);
}

function findBinary() {
  if (process.env.SKILLC_BINARY) {
    return process.env.SKILLC_BINARY;
  }
  const platform = `${process.platform} ${process.arch}`;
  const pkg = PLATFORMS[platform];
  if (!pkg) {
    fail(
      `no prebuilt binary on npm for this platform (${platform}); ` +
        `there are for: ${Object.keys(PLATFORMS).join(", ")}.`,
    );
  }
  let dir;
  try {
    dir = path.dirname(require.resolve(`${pkg}/package.json`));
  } catch (_) {
    fail(
      `the package ${pkg} with the binary for this platform (${platform}) ` +
        "is not installed. npm installs it as an optional dependency of " +
        "skillc; it is left out by --omit=optional or --no-optional, and " +
        "by a lockfile made on another platform without it.",
    );
  }
  const exe = path.join(dir, "bin", process.platform === "win32" ? "skillc.exe" : "skillc");
  if (!fs.existsSync(exe)) {
    fail(`${pkg} is installed but has no binary at ${exe}.`);
  }
  return exe;
}

// Dies of `signal` as the child did (SIGPIPE included, which Node ignores
// until a listener is added and removed), else exits 128 + its number.
function dieOf(signal) {
  try {
    process.on(signal, () => {});
    process.removeAllListeners(signal);
  } catch (_) {
    // SIGKILL and SIGSTOP take no listener; their default stands.
  }
  try {
    process.kill(process.pid, signal);
  } catch (_) {
    // Not a signal this platform can send.
  }
  process.exit(128 + (os.constants.signals[signal] || 0));
}

const child = spawn(findBinary(), process.argv.slice(2), {
  stdio: "inherit",
  windowsHide: false,
});

// Signals sent to the launcher alone (kill PID) reach the binary too.
const FORWARDED = ["SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT"];
const forward = (signal) => {
  try {
    child.kill(signal);
  } catch (_) {
    // The child is gone.
  }
};
if (process.platform !== "win32") {
  for (const signal of FORWARDED) {
    process.on(signal, forward);
  }
}

child.on("error", (err) => {
  fail(`could not run ${child.spawnfile}: ${err.message}`);
});

child.on("exit", (code, signal) => {
  for (const s of FORWARDED) {
    process.removeListener(s, forward);
  }
  if (signal) {
    dieOf(signal);
  }
  process.exit(code === null ? LAUNCH_ERROR : code);
});
