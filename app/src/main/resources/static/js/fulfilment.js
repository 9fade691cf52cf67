// 兑现办理: select all rows of the page (delegated: the table is replaced when the filters change).
document.addEventListener('change', function (e) {
  if (!e.target || e.target.id !== 'all') return;
  document.querySelectorAll('#bulk input[name="ids"]').forEach(function (b) { b.checked = e.target.checked; });
});
