"""drafter: draft and check the annual 法治政府建设情况报告, offline."""

__version__ = "0.1.0"
