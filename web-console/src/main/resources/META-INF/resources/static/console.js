// Draws the charts (their data in data-chart attributes, written by the server), and keeps the
// instalment builder's sum in view. Everything works without it, tables included.
(function () {
  'use strict';

  function drawCharts(root) {
    if (typeof Chart === 'undefined') { return; }
    root.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      var existing = Chart.getChart(canvas);
      if (existing) { existing.destroy(); }
      var config = JSON.parse(canvas.dataset.chart);
      config.options = Object.assign({ animation: false, responsive: true, maintainAspectRatio: false }, config.options || {});
      new Chart(canvas, config);
    });
  }

  function instalmentBuilder(root) {
    root.querySelectorAll('[data-instalments]').forEach(function (fieldset) {
      if (fieldset.dataset.ready) { return; }
      fieldset.dataset.ready = 'yes';
      var form = fieldset.closest('form');
      var body = fieldset.querySelector('tbody');
      var output = fieldset.querySelector('output');
      function cents(text) {
        var t = (text || '').replace(/,/g, '').trim();
        if (!/^\d+(\.\d{1,2})?$/.test(t)) { return null; }
        var parts = t.split('.');
        return Number(parts[0]) * 100 + Number(((parts[1] || '') + '00').slice(0, 2));
      }
      function check() {
        var amounts = Array.prototype.map.call(body.querySelectorAll('input[name=instalmentAmount]'), function (i) { return i.value; })
          .filter(function (v) { return v.trim() !== ''; });
        if (amounts.length === 0) { output.textContent = 'One instalment of the whole amount.'; return; }
        var total = form.querySelector('[name=amount]').value;
        var sum = amounts.reduce(function (s, v) { var c = cents(v); return s === null || c === null ? null : s + c; }, 0);
        var whole = cents(total);
        if (sum === null || whole === null) { output.textContent = 'Amounts are numbers with at most two decimals.'; return; }
        var diff = whole - sum;
        output.textContent = diff === 0 ? 'The instalments add up to the amount.'
          : 'The instalments add up to ' + (sum / 100).toFixed(2) + ': ' + (Math.abs(diff) / 100).toFixed(2) + (diff > 0 ? ' still to schedule.' : ' too much.');
      }
      fieldset.querySelector('[data-add-instalment]').addEventListener('click', function () {
        var rows = body.querySelectorAll('tr');
        var row = rows[rows.length - 1].cloneNode(true);
        var n = rows.length + 1;
        row.querySelectorAll('input').forEach(function (input) {
          input.value = '';
          input.setAttribute('aria-label', 'Instalment ' + n + ': ' + (input.type === 'date' ? 'due on' : 'amount'));
        });
        body.appendChild(row);
        row.querySelector('input').focus();
        check();
      });
      form.addEventListener('input', check);
      check();
    });
  }

  // The requirement-line editor: add a row, remove a row, the total per currency. Without script
  // the page always offers one blank row, and a row emptied is no line.
  function lineEditor(root) {
    root.querySelectorAll('[data-lines]').forEach(function (fieldset) {
      if (fieldset.dataset.ready) { return; }
      fieldset.dataset.ready = 'yes';
      var body = fieldset.querySelector('tbody');
      var output = fieldset.querySelector('output');
      var labels = { lineCountry: 'country', lineAgency: 'agency', lineSector: 'sector', lineCategory: 'category of concern',
        linePriority: 'priority', lineAmount: 'amount', lineCurrency: 'currency', lineDescription: 'description' };
      function rows() { return body.querySelectorAll('tr[data-line]'); }
      function renumber() {
        rows().forEach(function (row, i) {
          row.querySelectorAll('input[name], select[name]').forEach(function (field) {
            if (labels[field.name]) { field.setAttribute('aria-label', 'Line ' + (i + 1) + ': ' + labels[field.name]); }
          });
          row.querySelector('[data-remove-line]').setAttribute('aria-label', 'Remove line ' + (i + 1));
        });
      }
      function total() {
        var sums = {};
        rows().forEach(function (row) {
          var amount = (row.querySelector('[name=lineAmount]').value || '').replace(/,/g, '').trim();
          var currency = (row.querySelector('[name=lineCurrency]').value || '').trim().toUpperCase();
          if (!/^\d+(\.\d{1,2})?$/.test(amount) || currency === '') { return; }
          var parts = amount.split('.');
          sums[currency] = (sums[currency] || 0) + Number(parts[0]) * 100 + Number(((parts[1] || '') + '00').slice(0, 2));
        });
        var text = Object.keys(sums).map(function (c) { return c + ' ' + (sums[c] / 100).toFixed(2); }).join(', ');
        output.textContent = text === '' ? '' : 'Total requirements: ' + text;
      }
      function clear(row) {
        row.querySelectorAll('input, select').forEach(function (field) {
          if (field.name !== 'lineCurrency') { field.value = ''; }
          field.removeAttribute('aria-invalid');
          field.removeAttribute('aria-describedby');
        });
      }
      fieldset.querySelector('[data-add-line]').addEventListener('click', function () {
        var all = rows();
        var row = all[all.length - 1].cloneNode(true);
        row.classList.remove('has-problem');
        clear(row);
        body.appendChild(row);
        renumber();
        row.querySelector('[name=lineCountry]').focus();
        total();
      });
      body.addEventListener('click', function (event) {
        var button = event.target.closest('[data-remove-line]');
        if (!button) { return; }
        var row = button.closest('tr');
        var next = row.nextElementSibling;
        if (next && next.classList.contains('line-problem')) { next.remove(); }
        if (rows().length === 1) { clear(row); } else { row.remove(); }
        renumber();
        total();
        fieldset.querySelector('[data-add-line]').focus();
      });
      fieldset.addEventListener('input', total);
      total();
    });
  }

  function busyButtons(root) {
    root.querySelectorAll('form button[data-busy]').forEach(function (button) {
      button.closest('form').addEventListener('submit', function () {
        var status = document.getElementById('importing');
        if (status) { status.hidden = false; }
        button.disabled = true;
        button.textContent = button.dataset.busy;
      });
    });
  }

  function ready(root) { drawCharts(root); instalmentBuilder(root); lineEditor(root); busyButtons(root); }

  document.addEventListener('DOMContentLoaded', function () {
    ready(document);
    document.body.addEventListener('htmx:afterSettle', function () { ready(document); });
    document.body.addEventListener('htmx:sseMessage', function () { document.body.dataset.alertsUpdated = String(Date.now()); });
  });
}());
