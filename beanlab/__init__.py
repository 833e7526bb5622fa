"""BeanLab: watch a machine learn, by gradient descent, which beans are toxic."""

__version__ = "0.1.0"
