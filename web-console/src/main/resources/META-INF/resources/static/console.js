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

  function ready(root) { drawCharts(root); instalmentBuilder(root); busyButtons(root); }

  document.addEventListener('DOMContentLoaded', function () {
    ready(document);
    document.body.addEventListener('htmx:afterSettle', function () { ready(document); });
    document.body.addEventListener('htmx:sseMessage', function () { document.body.dataset.alertsUpdated = String(Date.now()); });
  });
}());
