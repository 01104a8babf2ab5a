/* Samsyn's search: no server, no outside service. Loads the index in parts as needed
   (search/meta.json, a term shard per two first letters, document shards of 50 pages),
   matches as the reader types, ranks title and heading hits above body hits, and marks
   the matched words in short excerpts. The folding and stemming rules are the same as
   SwedishSearch in Sources/Samsyn/Rendering/SearchIndex.swift: change both together. */
(function () {
  'use strict';
  var page = document.querySelector('.search-page');
  if (!page || !window.fetch) return;
  var input = document.getElementById('sok-falt');
  var status = document.getElementById('sok-status');
  var list = document.getElementById('sok-traffar');
  var form = input.form;
  var base = page.getAttribute('data-root') + 'search/';
  var cache = {};

  var FOLD = { 'å': 'a', 'ä': 'a', 'á': 'a', 'à': 'a', 'â': 'a', 'ö': 'o', 'ó': 'o', 'ò': 'o', 'ô': 'o', 'ø': 'o',
               'é': 'e', 'è': 'e', 'ê': 'e', 'ë': 'e', 'ü': 'u', 'ú': 'u', 'ù': 'u', 'í': 'i', 'ì': 'i', 'ï': 'i' };
  var SUFFIXES = ['ernas', 'arnas', 'ornas', 'heten', 'heter', 'erna', 'arna', 'orna', 'ens', 'ets', 'ans', 'ons',
                  'er', 'ar', 'or', 'en', 'et', 'na', 'an', 'on'];
  var LETTER = /[\p{Alphabetic}0-9]/u;

  function fold(text) {
    var out = '';
    for (var ch of text.toLowerCase()) {
      out += FOLD[ch] || (LETTER.test(ch) ? ch : ' ');
    }
    return out;
  }
  function stem(word) {
    var length = Array.from(word).length;
    for (var i = 0; i < SUFFIXES.length; i++) {
      var suffix = SUFFIXES[i];
      if (word.endsWith(suffix) && length - suffix.length >= 3) {
        return (suffix === 'an' || suffix === 'on') ? word.slice(0, -1) : word.slice(0, -suffix.length);
      }
    }
    return word;
  }
  function terms(text) {
    return fold(text).split(' ').filter(function (w) { return Array.from(w).length > 1; }).map(stem);
  }
  window.samsynSearchTerms = terms;  // for the browser test that keeps JS and Swift in step
  window.samsynSearch = function (query) { return search(query); };  // for the benchmark

  function load(name) {
    if (!cache[name]) {
      cache[name] = fetch(base + name).then(function (r) { return r.ok ? r.json() : {}; }).catch(function () { return {}; });
    }
    return cache[name];
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }

  var latest = 0;
  async function search(query) {
    var run = ++latest;
    var wanted = terms(query);
    var typed = fold(query).trim().split(' ').pop() || '';
    if (!wanted.length) { list.textContent = ''; status.textContent = ''; return; }
    var meta = await load('meta.json');
    var shardKeys = meta.shards || [];
    // A term lives in the shard of the longest key it starts with ("k=" holds the term k itself);
    // the word being typed also needs every shard of longer words that start with it.
    function shardFor(term) {
      if (shardKeys.indexOf(term + '=') >= 0) return term + '=';
      var best = null;
      shardKeys.forEach(function (k) {
        if (k.slice(-1) !== '=' && term.indexOf(k) === 0 && (!best || k.length > best.length)) best = k;
      });
      return best;
    }
    var keys = wanted.map(shardFor).filter(Boolean);
    var typedStem = stem(typed);
    if (Array.from(typedStem).length > 1) {
      shardKeys.forEach(function (k) { if (k.replace(/=$/, '').indexOf(typedStem) === 0) keys.push(k); });
    }
    keys = Array.from(new Set(keys));
    var shards = await Promise.all(keys.map(function (k) { return load('t-' + encodeURIComponent(k) + '.json'); }));
    var index = Object.assign.apply(null, [{}].concat(shards));
    var scores = {}, matched = {};
    wanted.forEach(function (term, position) {
      var found = {};
      var candidates = index[term] ? [term] : [];
      // The word being typed also matches words that start with it.
      if (position === wanted.length - 1 && typed) {
        Object.keys(index).forEach(function (t) { if (t !== term && t.indexOf(stem(typed)) === 0) candidates.push(t); });
      }
      candidates.forEach(function (t) {
        var weight = t === term ? 1 : 0.8;
        index[t].forEach(function (p) { found[p[0]] = Math.max(found[p[0]] || 0, p[1] * weight); });
      });
      Object.keys(found).forEach(function (d) {
        scores[d] = (scores[d] || 0) + found[d];
        matched[d] = (matched[d] || 0) + 1;
      });
    });
    var ranked = Object.keys(scores).sort(function (a, b) {
      return (matched[b] - matched[a]) || (scores[b] - scores[a]) || (a - b);
    }).slice(0, 20);
    var perShard = meta.documentsPerShard;
    var docShards = Array.from(new Set(ranked.map(function (d) { return Math.floor(d / perShard); })));
    var loaded = {};
    (await Promise.all(docShards.map(function (s) { return load('d-' + s + '.json'); })))
      .forEach(function (docs, i) { loaded[docShards[i]] = docs; });
    if (run !== latest) return;
    render(ranked.map(function (d) { return loaded[Math.floor(d / perShard)][d % perShard]; }), wanted, stem(typed), query);
  }

  function render(docs, wanted, prefix, query) {
    list.textContent = '';
    docs.forEach(function (doc) {
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = page.getAttribute('data-root') + doc[1];
      link.textContent = doc[0];
      var meta = document.createElement('span');
      meta.className = 'search-meta';
      meta.textContent = doc[2] + ' · ' + doc[3];
      var excerpt = document.createElement('p');
      highlight(excerpt, doc[4], wanted, prefix);
      item.append(link, meta, excerpt);
      list.append(item);
    });
    var template = docs.length === 0 ? page.getAttribute('data-no-hits')
      : docs.length === 1 ? page.getAttribute('data-one-hit') : page.getAttribute('data-hits');
    status.textContent = format(template, { count: docs.length, query: query.trim() });
  }

  function highlight(element, text, wanted, prefix) {
    text.split(/(\s+)/).forEach(function (part) {
      var word = terms(part)[0];
      if (word && (wanted.indexOf(word) >= 0 || (prefix.length > 1 && word.indexOf(prefix) === 0))) {
        var mark = document.createElement('mark');
        mark.textContent = part;
        element.append(mark);
      } else {
        element.append(document.createTextNode(part));
      }
    });
  }

  var timer;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { search(input.value); }, 120);
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    history.replaceState(null, '', '?q=' + encodeURIComponent(input.value));
    search(input.value);
  });
  // With the script running, the no-script advice gives way to the results, and the
  // index's table of contents is fetched while the reader starts typing.
  var fallback = page.querySelector('.search-fallback');
  if (fallback) fallback.hidden = true;
  load('meta.json');
  var initial = new URLSearchParams(location.search).get('q');
  if (initial) { input.value = initial; search(initial); }
})();
