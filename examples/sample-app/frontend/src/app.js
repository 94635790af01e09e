// SPDX-License-Identifier: MIT
// DSOMM Gate sample front end.
// DELIBERATELY INSECURE (example for DSOMM Gate): eval() of a URL parameter, innerHTML with unsanitised
// Markdown, a non-literal RegExp and a property look-up with a user-chosen key. Do not deploy it.
'use strict';

const axios = require('axios');
const _ = require('lodash');
const { marked } = require('marked');

const settings = { theme: 'light', pageSize: 20 };

function readParam(name) {
  return new URLSearchParams(window.location.search).get(name) || '';
}

function applyFormula() {
  // eval of a query parameter: code injection
  const result = eval(readParam('formula'));
  document.getElementById('result').textContent = String(result);
}

function showComment(markdown) {
  // innerHTML with rendered, unsanitised Markdown: DOM-based XSS
  document.getElementById('comment').innerHTML = marked.parse(markdown);
}

function highlight(text, word) {
  // user input used as a regular expression: ReDoS
  const pattern = new RegExp(word, 'g');
  return text.replace(pattern, (m) => '<mark>' + m + '</mark>');
}

function setting(key) {
  // user-chosen key: object injection
  return settings[key];
}

async function loadComments() {
  const response = await axios.get('/api/comments', { params: { page: readParam('page') } });
  _.forEach(response.data, (c) => showComment(c.body));
}

module.exports = { applyFormula, showComment, highlight, setting, loadComments };
