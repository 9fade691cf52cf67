// 兑现办理: select all rows of the bulk form.
document.addEventListener('DOMContentLoaded', function () {
  var all = document.getElementById('all');
  if (!all) return;
  all.addEventListener('change', function () {
    document.querySelectorAll('#bulk input[name="ids"]').forEach(function (b) { b.checked = all.checked; });
  });
});
