/* Zo doen we dat: Material's search worker, with Dutch stemming that finds something.
 *
 * Material parses each query with lunr's query parser and adds a wildcard to every word
 * ("wijken*"); lunr does not stem words with a wildcard. With lunr.nl's stemmer in the
 * index (where "wijken" is stored as "wijk") such a query finds nothing. This wrapper
 * gives Material's worker the Dutch stem of every plain word instead ("wijk"), so that the
 * wildcard then finds every form of the word: "wijken" finds "wijk" and "wijken".
 * The page passes Material's own worker as ?worker=…; it is loaded from this folder.
 */
(function () {
  "use strict";
  var worker = new URL(self.location.href).searchParams.get("worker");
  var add = self.addEventListener.bind(self);

  function stem(word) {
    return lunr.nl.stemmer(new lunr.Token(word, {})).toString();
  }

  function stemmed(query) {
    return query.split(/(\s+)/).map(function (part) {
      // Leave lunr syntax (+word, -word, field:word, word~1, "…", word*) as the visitor typed it.
      if (!part.trim() || /[*+\-:^~"]/.test(part)) return part;
      return stem(part.toLowerCase()) || part;
    }).join("");
  }

  self.addEventListener = function (type, listener, options) {
    if (type !== "message") return add(type, listener, options);
    return add(type, function (event) {
      var message = event.data;
      if (message && message.type === 2 && typeof message.data === "string" && self.lunr && lunr.nl) {
        return listener({ data: { type: 2, data: stemmed(message.data) } });
      }
      return listener(event);
    }, options);
  };

  if (worker && /^[\w.-]+\.js$/.test(worker)) importScripts(worker);
})();
