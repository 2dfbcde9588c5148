/* Zo doen we dat: for browsers without JavaScript modules (loaded with `nomodule`). The
 * finder (vinder.js) is a module and cannot run there: show the static list instead. */
document.documentElement.className += " zd-finder-failed";
